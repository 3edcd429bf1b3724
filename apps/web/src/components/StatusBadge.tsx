import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'

// Darker than Mantine's light/outline defaults, so the text meets WCAG AA contrast.
const ACTIVE = {
  background: 'var(--mantine-color-teal-0)',
  color: 'var(--mantine-color-teal-9)',
  border: '1px solid var(--mantine-color-teal-3)',
}
const INACTIVE = {
  background: 'transparent',
  color: 'var(--mantine-color-gray-8)',
  border: '1px dashed var(--mantine-color-gray-6)',
}

/** Active or inactive, said in words; the colours only repeat it. */
export function StatusBadge({ active, size }: { active: boolean; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation()
  return (
    <Badge size={size} style={active ? ACTIVE : INACTIVE}>
      {active ? t('common:status.active') : t('common:status.inactive')}
    </Badge>
  )
}
