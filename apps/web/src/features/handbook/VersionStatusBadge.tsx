import { Badge } from '@mantine/core'
import type { VersionStatus } from '@thbm/shared'
import { useTranslation } from 'react-i18next'

// Dark text on light fills, so each meets WCAG AA; the word says the status, the colour only repeats it.
const STYLES: Record<VersionStatus, { background: string; color: string; border: string }> = {
  draft: {
    background: 'var(--mantine-color-yellow-0)',
    color: 'var(--mantine-color-dark-7)',
    border: '1px dashed var(--mantine-color-yellow-8)',
  },
  published: {
    background: 'var(--mantine-color-teal-0)',
    color: 'var(--mantine-color-teal-9)',
    border: '1px solid var(--mantine-color-teal-3)',
  },
  retired: {
    background: 'var(--mantine-color-gray-1)',
    color: 'var(--mantine-color-gray-8)',
    border: '1px solid var(--mantine-color-gray-4)',
  },
}

/** A framework version's status (draft, published, retired) in words. */
export function VersionStatusBadge({ status, size }: { status: VersionStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation()
  return (
    <Badge component="span" size={size} style={STYLES[status]}>
      {t(`enums:versionStatus.${status}`)}
    </Badge>
  )
}
