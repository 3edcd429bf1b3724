import { useEffect, useRef } from 'react'

/**
 * A ref for the control that opens a form or dialog: when `open` turns false again, focus goes back to it, so
 * keyboard and screen-reader users keep their place (the form is unmounted, so focus would otherwise fall to the page).
 */
export function useReturnFocus<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null)
  const wasOpen = useRef(open)
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus()
    wasOpen.current = open
  }, [open])
  return ref
}
