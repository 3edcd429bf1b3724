import { Badge } from '@mantine/core'
import type { ReviewStatus } from '@thbm/shared'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'

type Tone = 'gray' | 'blue' | 'teal' | 'orange'

// Dark text on a pale fill with a border: the words carry the meaning, the colour only repeats it (WCAG AA contrast).
const tone = (color: Tone, dashed = false): CSSProperties => ({
  background: dashed ? 'transparent' : `var(--mantine-color-${color}-0)`,
  color: `var(--mantine-color-${color}-9)`,
  border: `1px ${dashed ? 'dashed' : 'solid'} var(--mantine-color-${color}-${dashed ? 6 : 3})`,
})

const STATUS_TONES: Record<ReviewStatus, CSSProperties> = {
  draft: tone('gray', true),
  open: tone('blue'),
  closed: tone('teal'),
}

const WRAP = {
  root: { height: 'auto', minHeight: 'var(--badge-height)' },
  label: { whiteSpace: 'normal' as const, overflow: 'visible' },
}

/** The review's status in words. */
export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation()
  return (
    <Badge style={STATUS_TONES[status]} styles={WRAP}>
      {t(`review:status.${status}`)}
    </Badge>
  )
}

/** Whether the group agrees on a criterion (IQR within the threshold), said in words; null: no ratings. */
export function ConsensusBadge({ consensus }: { consensus: boolean | null }) {
  const { t } = useTranslation()
  const [text, style] =
    consensus === null
      ? [t('review:stats.noRatings'), tone('gray', true)]
      : consensus
        ? [t('review:stats.consensus'), tone('teal')]
        : [t('review:stats.noConsensus'), tone('orange')]
  return (
    <Badge size="sm" style={style} styles={WRAP}>
      {text}
    </Badge>
  )
}
