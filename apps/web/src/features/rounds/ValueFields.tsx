import { NumberInput, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core'
import { CHOICES, type ContentLocale, type IndicatorDoc, type IndicatorWork } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import type { AnswerDraft } from './answer-draft.ts'
import type { EntryField, FieldCheck } from './checks.ts'
import { useDates } from './dates.ts'
import { CheckLine, FieldNote, useFieldChecks } from './FieldNotes.tsx'
import { inputValue, percentage, toNumber } from './numbers.ts'
import { useLocalText } from './text.tsx'

export interface ValueFieldsProps {
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  draft: AnswerDraft
  onChange: (patch: Partial<AnswerDraft>) => void
  readOnly: boolean
  checks: ReadonlyMap<EntryField, FieldCheck[]>
  previous: IndicatorWork['previous'][number] | null
}

/**
 * The answer's value in the form its measurement asks for: a yes/partial/no or rubric choice with each option's
 * descriptor, a number, a numerator and denominator with the percentage computed, or text. Victim counts kept apart
 * by status are entered in the breakdown instead. The previous round's value is shown beside the field.
 */
export function ValueFields(props: ValueFieldsProps) {
  const { t } = useTranslation()
  const { indicator, draft, onChange, readOnly } = props
  const pick = useLocalText(props.baseLocale)
  const fmt = useDates()
  const field = useFieldChecks(props.checks)
  const m = indicator.measurement
  const previous = <PreviousValue {...props} />
  const change = field('value')
  const changeLines = change.warnings.map((w) => <CheckLine key={w} text={w} severity="warning" />)

  if (m.type === 'yes_partial_no' || m.type === 'rubric') {
    const f = field('value.choice')
    const options = CHOICES[m.type]
    return (
      <Radio.Group
        label={m.type === 'rubric' ? t('rounds:entry.level') : t('rounds:entry.answer')}
        description={<FieldNote hint={previous} warnings={f.warnings} />}
        value={draft.choice}
        onChange={(v) => !readOnly && onChange({ choice: v })}
        readOnly={readOnly}
        error={f.error}
        required
      >
        <Stack gap="xs" mt="xs">
          {options.map((o, i) => (
            <Radio
              key={o}
              id={i === 0 ? fieldId('answer', 'value.choice') : undefined}
              value={o}
              label={m.type === 'rubric' ? t('rounds:entry.levelN', { level: o }) : t(`rounds:entry.choice.${o}`)}
              description={
                m.type === 'rubric' ? pick(m.levels[i]).text : pick(m.descriptors[o as 'yes' | 'partial' | 'no']).text
              }
            />
          ))}
        </Stack>
      </Radio.Group>
    )
  }
  if (m.type === 'count' || m.type === 'amount') {
    const f = field('value.number')
    const unit = m.type === 'amount' ? m.currency : pick(m.unit ?? indicator.unit).text
    return (
      <Stack gap={4}>
        <NumberInput
          id={fieldId('answer', 'value.number')}
          label={unit ? t('rounds:entry.numberIn', { unit }) : t('rounds:entry.number')}
          description={<FieldNote hint={previous} warnings={f.warnings} />}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={inputValue(draft.number)}
          onChange={(v) => onChange({ number: toNumber(v) })}
          error={f.error}
          readOnly={readOnly}
          variant={readOnly ? 'filled' : 'default'}
          allowNegative={false}
          allowDecimal={m.type === 'amount'}
          thousandSeparator=" "
          maw={280}
        />
        {changeLines}
      </Stack>
    )
  }
  if (m.type === 'percentage') {
    const num = field('value.numerator')
    const den = field('value.denominator')
    const share = percentage(draft.numerator, draft.denominator)
    return (
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            id={fieldId('answer', 'value.numerator')}
            label={pick(m.numeratorLabel).text || t('rounds:entry.numerator')}
            description={<FieldNote warnings={num.warnings} />}
            value={inputValue(draft.numerator)}
            onChange={(v) => onChange({ numerator: toNumber(v) })}
            error={num.error}
            readOnly={readOnly}
            variant={readOnly ? 'filled' : 'default'}
            allowNegative={false}
          />
          <NumberInput
            id={fieldId('answer', 'value.denominator')}
            label={pick(m.denominatorLabel).text || t('rounds:entry.denominator')}
            description={<FieldNote warnings={den.warnings} />}
            value={inputValue(draft.denominator)}
            onChange={(v) => onChange({ denominator: toNumber(v) })}
            error={den.error}
            readOnly={readOnly}
            variant={readOnly ? 'filled' : 'default'}
            allowNegative={false}
          />
        </SimpleGrid>
        <Text size="sm" fw={600} aria-live="polite">
          {share === null
            ? t('rounds:entry.percentPending')
            : t('rounds:entry.percentResult', { percent: fmt.percent(share / 100, 1) })}
        </Text>
        <Text size="sm" c="dimmed" component="div">
          {previous}
        </Text>
        {changeLines}
      </Stack>
    )
  }
  const f = field('value.text')
  return (
    <Textarea
      id={fieldId('answer', 'value.text')}
      label={t('rounds:entry.text')}
      description={<FieldNote hint={previous} warnings={f.warnings} />}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      value={draft.text}
      onChange={(e) => onChange({ text: e.currentTarget.value })}
      error={f.error}
      readOnly={readOnly}
      variant={readOnly ? 'filled' : 'default'}
      autosize
      minRows={4}
    />
  )
}

/** "Previous round (2025, name): value", or that there is none. */
function PreviousValue({ indicator, previous }: ValueFieldsProps) {
  const { t } = useTranslation()
  const fmt = useDates()
  if (!previous) return <>{t('rounds:entry.noPrevious')}</>
  const m = indicator.measurement
  let value = t('rounds:entry.previousEmpty')
  if (previous.choice !== null)
    value =
      m.type === 'rubric'
        ? t('rounds:entry.levelN', { level: previous.choice })
        : t(`rounds:entry.choice.${previous.choice as 'yes' | 'partial' | 'no'}`)
  else if (previous.number !== null)
    value = m.type === 'percentage' ? fmt.percent(previous.number, 1) : fmt.number(previous.number, 2)
  return <>{t('rounds:entry.previous', { round: previous.roundName, year: previous.referenceYear, value })}</>
}
