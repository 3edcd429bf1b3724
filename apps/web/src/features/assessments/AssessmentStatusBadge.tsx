import { Badge } from '@mantine/core'
import type { AssessmentStatus } from '@thbm/shared'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'

type Shown = AssessmentStatus | 'not_started'

// Dark text on a pale fill with a border, as the other status badges: the words carry the meaning (WCAG AA contrast).
const tone = (color: string, dashed = false): CSSProperties => ({
  background: dashed ? 'transparent' : `var(--mantine-color-${color}-0)`,
  color: `var(--mantine-color-${color}-9)`,
  border: `1px ${dashed ? 'dashed' : 'solid'} var(--mantine-color-${color}-${dashed ? 6 : 3})`,
})

const TONES: Record<Shown, CSSProperties> = {
  not_started: tone('gray', true),
  draft: tone('blue'),
  submitted: tone('teal'),
  returned: tone('orange'),
  validated: tone('green'),
}

interface Props {
  status: Shown
  size?: 'sm' | 'md' | 'lg'
  /** The main badge of the panel is `assessment-status`; others name theirs. */
  testId?: string
}

/** An assessment's state in words: not started, draft, submitted, returned, validated. */
export function AssessmentStatusBadge({ status, size, testId = 'assessment-status' }: Props) {
  const { t } = useTranslation()
  return (
    <Badge size={size} style={TONES[status]} data-testid={testId}>
      {t(`assessments:status.${status}`)}
    </Badge>
  )
}
