import { Badge } from '@mantine/core'
import type { FollowUpStatus, RecommendationPriority } from '@thbm/shared'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'

type Tone = 'gray' | 'blue' | 'teal' | 'orange' | 'green' | 'red' | 'grape'

// Dark text on a pale fill with a border: the words carry the meaning, the colour only repeats it (WCAG AA contrast).
const tone = (color: Tone, dashed = false): CSSProperties => ({
  background: dashed ? 'transparent' : `var(--mantine-color-${color}-0)`,
  color: `var(--mantine-color-${color}-9)`,
  border: `1px ${dashed ? 'dashed' : 'solid'} var(--mantine-color-${color}-${dashed ? 6 : 3})`,
})

const PRIORITY_TONES: Record<RecommendationPriority, CSSProperties> = {
  urgent: tone('red'),
  necessary: tone('orange'),
  encouraged: tone('blue'),
}

const STATUS_TONES: Record<FollowUpStatus, CSSProperties> = {
  not_implemented: tone('red'),
  partially_implemented: tone('orange'),
  fully_implemented: tone('green'),
  no_longer_relevant: tone('gray', true),
}

type Size = 'xs' | 'sm' | 'md' | 'lg'

// Long labels (and Serbian ones) wrap inside the badge instead of being cut off with an ellipsis in narrow columns.
const WRAP = {
  root: { height: 'auto', minHeight: 'var(--badge-height)' },
  label: { whiteSpace: 'normal' as const, overflow: 'visible' },
}

/** A recommendation's priority in words (urgent, necessary, encouraged); its GRETA meaning as the tooltip text. */
export function PriorityBadge({ priority, size }: { priority: RecommendationPriority; size?: Size }) {
  const { t } = useTranslation()
  return (
    <Badge
      size={size}
      style={PRIORITY_TONES[priority]}
      styles={WRAP}
      title={t(`recommendations:priority.hint.${priority}`)}
    >
      {t('recommendations:priority.badge', { priority: t(`recommendations:priority.label.${priority}`) })}
    </Badge>
  )
}

/** A follow-up status in words; "not followed up yet" when none was recorded. */
export function FollowUpStatusBadge({ status, size }: { status: FollowUpStatus | null; size?: Size }) {
  const { t } = useTranslation()
  return (
    <Badge
      size={size}
      style={status ? STATUS_TONES[status] : tone('gray', true)}
      styles={WRAP}
      data-testid="follow-up-status"
    >
      {status ? t(`recommendations:status.${status}`) : t('recommendations:status.none')}
    </Badge>
  )
}
