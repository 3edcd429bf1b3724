import type { SVGProps } from 'react'

/** A checklist with a star, for the reviews entry (24×24, currentColor); hidden from assistive technology. */
export function ReviewIcon({ size = 18, ...props }: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <path d="M9 6h11M9 12h11M9 18h6" />
      <path d="M4 6l1 1 2-2M4 12l1 1 2-2" />
      <path d="M18 15.5l.9 1.8 2 .3-1.45 1.4.35 2-1.8-.95-1.8.95.35-2-1.45-1.4 2-.3z" />
    </svg>
  )
}
