import { Checkbox, Divider, NumberInput, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core'
import { type Answer, CONFIDENCE_LEVELS, type ContentLocale, type Discrepancy, type IndicatorDoc } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { useDates } from '../rounds/dates.ts'
import { EvidenceFields } from '../rounds/EvidenceFields.tsx'
import { inputValue, percentage, toNumber } from '../rounds/numbers.ts'
import { useLocalText } from '../rounds/text.tsx'
import type { AssessmentDraft, AssessmentField } from './assessment-draft.ts'
import { ChoiceFieldset } from './ChoiceFieldset.tsx'
import { ScoreChoice, ScorePreview } from './ScoreFields.tsx'
import { SourceEvidencePicker, SourcesPicker } from './SourcePickers.tsx'

export interface AssessmentFormProps {
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  country: string
  draft: AssessmentDraft
  onChange: (patch: Partial<AssessmentDraft>) => void
  answers: Answer[]
  discrepancy: Discrepancy
  /** The 0-100 score the draft would get. */
  preview: number | null
  errors: ReadonlyMap<AssessmentField, string>
}

const id = (field: string) => fieldId('assessment', field)

/**
 * The expert's assessment of one indicator: no data (with why), the sources it rests on and how they were combined,
 * how disagreeing sources were reconciled, the consolidated value, the score with the level descriptors in view and
 * its 0-100 preview, the justification, the evidence (the sources' and the expert's own), confidence and data gaps.
 */
export function AssessmentForm(props: AssessmentFormProps) {
  const { t } = useTranslation()
  const { indicator, draft, onChange, errors } = props
  const m = indicator.measurement
  const levels = m.type === 'rubric' || m.type === 'yes_partial_no'
  const disagree = props.discrepancy.kind !== 'none'
  const text = (
    field: 'noDataReason' | 'consolidationNote' | 'justification' | 'dataGaps' | 'discrepancyResolution',
    label: string,
    hint: string,
    required = false,
  ) => (
    <Textarea
      id={id(field)}
      label={label}
      description={hint}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
      value={draft[field]}
      onChange={(e) => onChange({ [field]: e.currentTarget.value })}
      error={errors.get(field)}
      autosize
      minRows={field === 'justification' ? 4 : 2}
      required={required}
    />
  )

  return (
    <Stack gap="lg">
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('assessments:form.sourcesTitle')}
        </Title>
        <SourcesPicker
          indicator={indicator}
          answers={props.answers}
          value={draft.sourceAnswerIds}
          onChange={(sourceAnswerIds) => onChange({ sourceAnswerIds })}
          error={errors.get('sourceAnswerIds')}
        />
        {text(
          'consolidationNote',
          t('assessments:form.consolidationNote'),
          t('assessments:form.consolidationNoteHint'),
        )}
        {(disagree || draft.discrepancyResolution) &&
          text(
            'discrepancyResolution',
            t('assessments:form.discrepancyResolution'),
            t('assessments:form.discrepancyResolutionHint'),
            disagree,
          )}
      </Stack>
      <Divider />
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('assessments:form.valueTitle')}
        </Title>
        <Checkbox
          label={t('assessments:form.noData')}
          description={t('assessments:form.noDataHint')}
          checked={draft.noData}
          onChange={(e) => onChange({ noData: e.currentTarget.checked })}
        />
        {draft.noData ? (
          text('noDataReason', t('assessments:form.noDataReason'), t('assessments:form.noDataReasonHint'), true)
        ) : (
          <>
            {!levels && <ConsolidatedValue {...props} />}
            {levels && (
              <ScoreChoice
                indicator={indicator}
                baseLocale={props.baseLocale}
                value={draft.score}
                onChange={(score) => onChange({ score })}
                error={errors.get('score')}
              />
            )}
          </>
        )}
        <ScorePreview indicator={indicator} score={draft.noData ? null : props.preview} />
      </Stack>
      <Divider />
      <Stack gap="md">
        {text('justification', t('assessments:form.justification'), t('assessments:form.justificationHint'), true)}
        <Stack gap="sm" id={id('evidence')} tabIndex={-1}>
          <Title order={3} size="h5">
            {t('assessments:evidence.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {levels ? t('assessments:evidence.hintScale') : t('assessments:evidence.hint')}
          </Text>
          <SourceEvidencePicker
            answers={props.answers}
            value={draft.answerEvidenceIds}
            onChange={(answerEvidenceIds) => onChange({ answerEvidenceIds })}
          />
          <Text size="sm" fw="var(--mantine-font-weight-medium)" component="p" m={0}>
            {t('assessments:evidence.ownTitle')}
          </Text>
          <EvidenceFields
            country={props.country}
            evidence={draft.evidence}
            onChange={(evidence) => onChange({ evidence })}
            readOnly={false}
          />
          {errors.get('evidence') && (
            <Text size="sm" c="red.9">
              {errors.get('evidence')}
            </Text>
          )}
        </Stack>
      </Stack>
      <Divider />
      <Stack gap="md">
        <ChoiceFieldset
          id={id('confidence')}
          legend={t('assessments:form.confidence')}
          options={CONFIDENCE_LEVELS.map((c) => ({
            value: c,
            label: t(`assessments:confidence.${c}`),
            description: t(`assessments:confidenceHint.${c}`),
          }))}
          value={draft.confidence}
          onChange={(confidence) => onChange({ confidence })}
          error={errors.get('confidence')}
          required
        />
        {text('dataGaps', t('assessments:form.dataGaps'), t('assessments:form.dataGapsHint'))}
      </Stack>
    </Stack>
  )
}

/** The consolidated figure(s) or text, for indicators measured by a value rather than a level. */
function ConsolidatedValue({ indicator, baseLocale, draft, onChange, errors }: AssessmentFormProps) {
  const { t } = useTranslation()
  const fmt = useDates()
  const pick = useLocalText(baseLocale)
  const m = indicator.measurement
  if (m.type === 'count' || m.type === 'amount') {
    const unit = m.type === 'amount' ? m.currency : pick(m.unit ?? indicator.unit).text
    return (
      <NumberInput
        id={id('value.number')}
        label={unit ? t('assessments:value.numberIn', { unit }) : t('assessments:value.number')}
        description={t('assessments:value.numberHint')}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
        value={inputValue(draft.number)}
        onChange={(v) => onChange({ number: toNumber(v) })}
        error={errors.get('value.number')}
        allowNegative={false}
        allowDecimal={m.type === 'amount'}
        thousandSeparator=" "
        maw={280}
        required
      />
    )
  }
  if (m.type === 'percentage') {
    const share = percentage(draft.numerator, draft.denominator)
    return (
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            id={id('value.numerator')}
            label={pick(m.numeratorLabel).text || t('assessments:value.numerator')}
            value={inputValue(draft.numerator)}
            onChange={(v) => onChange({ numerator: toNumber(v) })}
            error={errors.get('value.numerator')}
            allowNegative={false}
            required
          />
          <NumberInput
            id={id('value.denominator')}
            label={pick(m.denominatorLabel).text || t('assessments:value.denominator')}
            value={inputValue(draft.denominator)}
            onChange={(v) => onChange({ denominator: toNumber(v) })}
            error={errors.get('value.denominator')}
            allowNegative={false}
            required
          />
        </SimpleGrid>
        <Text size="sm">
          {share === null
            ? t('assessments:value.percentPending')
            : t('assessments:value.percent', { percent: fmt.percent(share / 100, 1) })}
        </Text>
      </Stack>
    )
  }
  return (
    <Textarea
      id={id('value.text')}
      label={t('assessments:value.text')}
      description={t('assessments:value.textHint')}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
      value={draft.text}
      onChange={(e) => onChange({ text: e.currentTarget.value })}
      error={errors.get('value.text')}
      autosize
      minRows={3}
    />
  )
}
