import { Badge } from '@mantine/core'
import type { AnswerStatus, RoundStatus, WorkStatus } from '@thbm/shared'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'

type Tone = 'gray' | 'blue' | 'violet' | 'teal' | 'orange' | 'green' | 'red'

// Dark text on a pale fill with a border: the words carry the meaning, the colour only repeats it (WCAG AA contrast).
// A badge is never narrower than its words: in a table column an auto width would otherwise cut "Collecting data" to
// "Collecting da…".
const tone = (color: Tone, dashed = false): CSSProperties => ({
  background: dashed ? 'transparent' : `var(--mantine-color-${color}-0)`,
  color: `var(--mantine-color-${color}-9)`,
  border: `1px ${dashed ? 'dashed' : 'solid'} var(--mantine-color-${color}-${dashed ? 6 : 3})`,
  minWidth: 'max-content',
})

const ROUND_TONES: Record<RoundStatus, CSSProperties> = {
  planning: tone('gray'),
  collecting: tone('blue'),
  reviewing: tone('violet'),
  published: tone('teal'),
  archived: tone('gray', true),
}

const WORK_TONES: Record<WorkStatus, CSSProperties> = {
  not_started: tone('gray', true),
  in_progress: tone('blue'),
  submitted: tone('teal'),
  returned: tone('orange'),
  validated: tone('green'),
}

const ANSWER_TONES: Record<AnswerStatus, CSSProperties> = {
  draft: tone('blue'),
  submitted: tone('teal'),
  returned: tone('orange'),
  validated: tone('green'),
}

type Size = 'xs' | 'sm' | 'md' | 'lg'

/** A round's stage in words: planning, collecting, reviewing, published, archived. */
export function RoundStatusBadge({ status, size }: { status: RoundStatus; size?: Size }) {
  const { t } = useTranslation()
  return (
    <Badge size={size} style={ROUND_TONES[status]}>
      {t(`rounds:status.round.${status}`)}
    </Badge>
  )
}

/** An indicator's or a source's state on the progress board, in words. */
export function WorkStatusBadge({ status, size }: { status: WorkStatus; size?: Size }) {
  const { t } = useTranslation()
  return (
    <Badge size={size} style={WORK_TONES[status]}>
      {t(`rounds:status.work.${status}`)}
    </Badge>
  )
}

/** An organisation's answer state (draft, submitted, returned, validated), in words. */
export function AnswerStatusBadge({ status, size }: { status: AnswerStatus; size?: Size }) {
  const { t } = useTranslation()
  return (
    <Badge size={size} style={ANSWER_TONES[status]}>
      {t(`rounds:status.answer.${status}`)}
    </Badge>
  )
}

/** "Late": past the due date and not yet submitted. */
export function LateBadge({ size }: { size?: Size }) {
  const { t } = useTranslation()
  return (
    <Badge size={size} style={tone('red')}>
      {t('rounds:status.late')}
    </Badge>
  )
}
