import { List, Stack, Text } from '@mantine/core'
import { type ContentLocale, type IndicatorDoc, scaleOf } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { useDates } from '../rounds/dates.ts'
import { useLocalText } from '../rounds/text.tsx'
import { ChoiceFieldset, type ChoiceOption } from './ChoiceFieldset.tsx'

/** Yes / partially / no as scored: 2 / 1 / 0. */
const YPN = [
  { key: 'yes', level: 2 },
  { key: 'partial', level: 1 },
  { key: 'no', level: 0 },
] as const

/** A level in words: "Level 3" on a rubric, "Partially" on yes/partial/no; with its descriptor from the Handbook. */
export function useLevelText(indicator: IndicatorDoc, baseLocale: ContentLocale) {
  const { t } = useTranslation()
  const pick = useLocalText(baseLocale)
  const m = indicator.measurement
  return (level: number): { label: string; descriptor: { text: string; lang: string } | null } => {
    if (m.type === 'rubric')
      return { label: t('assessments:score.level', { level }), descriptor: pick(m.levels[level]) }
    if (m.type === 'yes_partial_no') {
      const key = YPN.find((o) => o.level === level)?.key
      if (key) return { label: t(`assessments:score.choice.${key}`), descriptor: pick(m.descriptors[key]) }
    }
    return { label: String(level), descriptor: null }
  }
}

interface ScoreChoiceProps {
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  value: number | null
  onChange: (score: number) => void
  error?: string
  /** The first radio's id (default: the assessment form's score field). */
  id?: string
  legend?: string
  description?: string
  /** A note after a level's label (e.g. which expert chose it), or null. */
  noteOf?: (level: number) => string | null
  autoFocus?: boolean
}

/** The levels of a scale indicator, in the order they are offered. */
export const levelsOf = (indicator: IndicatorDoc): number[] =>
  indicator.measurement.type === 'rubric' ? [0, 1, 2, 3, 4] : YPN.map((o) => o.level)

/** The score of a scale indicator: every level with its descriptor in view, as radio buttons. */
export function ScoreChoice({ indicator, baseLocale, value, onChange, error, ...props }: ScoreChoiceProps) {
  const { t } = useTranslation()
  const levelText = useLevelText(indicator, baseLocale)
  const m = indicator.measurement
  const options: ChoiceOption<number>[] = levelsOf(indicator).map((level) => {
    const { label, descriptor } = levelText(level)
    const note = props.noteOf?.(level) ?? null
    return {
      value: level,
      label: note ? `${label} (${note})` : label,
      description: descriptor?.text ? <span lang={descriptor.lang}>{descriptor.text}</span> : undefined,
    }
  })
  return (
    <ChoiceFieldset
      id={props.id ?? fieldId('assessment', 'score')}
      legend={
        props.legend ?? (m.type === 'rubric' ? t('assessments:score.legendRubric') : t('assessments:score.legendYpn'))
      }
      description={props.description ?? t('assessments:score.hint')}
      options={options}
      value={value}
      onChange={onChange}
      error={error}
      required
      autoFocus={props.autoFocus}
    />
  )
}

/** The live 0-100 score (announced politely as it changes) and how it is made. */
export function ScorePreview({ indicator, score }: { indicator: IndicatorDoc; score: number | null }) {
  const { t } = useTranslation()
  const fmt = useDates()
  const scale = scaleOf(indicator.measurement)
  return (
    <Stack gap={4} className="assessment-preview">
      <Text size="sm" fw={600} role="status" aria-live="polite" data-testid="score-preview">
        {scale === null
          ? t('assessments:preview.notScored')
          : score === null
            ? scale.kind === 'levels'
              ? t('assessments:preview.chooseLevel')
              : t('assessments:preview.enterValue')
            : t('assessments:preview.score', { score: fmt.number(score, 1) })}
      </Text>
      <ScoreMethod indicator={indicator} />
    </Stack>
  )
}

/** "How the score is made" for this indicator's scale. */
export function ScoreMethod({ indicator }: { indicator: IndicatorDoc }) {
  const { t } = useTranslation()
  const fmt = useDates()
  const m = indicator.measurement
  const scale = scaleOf(m)
  let text: string
  if (m.type === 'rubric') text = t('assessments:method.rubric')
  else if (m.type === 'yes_partial_no') text = t('assessments:method.yesPartialNo')
  else if (scale?.kind === 'bands') text = t('assessments:method.bands')
  else text = t('assessments:method.none')
  const bands = (m.type === 'count' || m.type === 'percentage') && scale ? (m.targetBands ?? []) : []
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} component="h4" m={0}>
        {t('assessments:method.title')}
      </Text>
      <Text size="xs">{text}</Text>
      {bands.length > 0 && (
        <List size="xs" spacing={0}>
          {bands.map((b) => (
            <List.Item key={`${b.from}-${b.to}`}>
              {t('assessments:method.band', {
                from: fmt.number(b.from, 2),
                to: fmt.number(b.to, 2),
                score: fmt.number(b.score, 1),
              })}
            </List.Item>
          ))}
        </List>
      )}
      {indicator.redFlag && <Text size="xs">{t('assessments:method.redFlag')}</Text>}
    </Stack>
  )
}
