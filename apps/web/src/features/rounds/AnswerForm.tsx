import { Checkbox, Divider, Stack, Textarea, Title } from '@mantine/core'
import type { ContentLocale, IndicatorDoc, IndicatorWork } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import type { AnswerDraft } from './answer-draft.ts'
import { BreakdownFields } from './BreakdownFields.tsx'
import type { EntryField, FieldCheck } from './checks.ts'
import { breakdownLayout, tableSums } from './disaggregation.ts'
import { EvidenceFields } from './EvidenceFields.tsx'
import { FieldNote, useFieldChecks } from './FieldNotes.tsx'
import { ValueFields } from './ValueFields.tsx'

export interface AnswerFormProps {
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  country: string
  draft: AnswerDraft
  onChange: (patch: Partial<AnswerDraft>) => void
  readOnly: boolean
  checks: ReadonlyMap<EntryField, FieldCheck[]>
  previous: IndicatorWork['previous'][number] | null
}

/**
 * The fields of one organisation's answer: "data not available" with a reason, the value, the breakdowns, the
 * explanations the checks ask for (parts that do not add up, a large change), the narrative and the evidence.
 */
export function AnswerForm(props: AnswerFormProps) {
  const { t } = useTranslation()
  const { indicator, draft, onChange, readOnly, checks } = props
  const field = useFieldChecks(checks)
  const layout = breakdownLayout(indicator)
  const statusCount = Boolean(layout.statuses) && indicator.measurement.type !== 'percentage'
  const mismatch = layout.tables.some((tb) => tableSums(tb, draft.cells, draft.number).mismatch)
  const hasChange = checks.get('value')?.some((c) => c.code === 'change.large') ?? false
  const text = (
    name: 'noDataReason' | 'partsExplanation' | 'changeComment' | 'narrative',
    label: string,
    hint: string,
  ) => {
    const f = field(name)
    return (
      <Textarea
        id={fieldId('answer', name)}
        label={label}
        description={<FieldNote hint={hint} warnings={f.warnings} />}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
        value={draft[name]}
        onChange={(e) => onChange({ [name]: e.currentTarget.value })}
        error={f.error}
        readOnly={readOnly}
        variant={readOnly ? 'filled' : 'default'}
        autosize
        minRows={name === 'narrative' ? 4 : 2}
        required={name !== 'narrative'}
      />
    )
  }

  return (
    <Stack gap="lg">
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('rounds:entry.valueTitle')}
        </Title>
        <Checkbox
          label={t('rounds:entry.noData')}
          description={t('rounds:entry.noDataHint')}
          checked={draft.noData}
          onChange={(e) => !readOnly && onChange({ noData: e.currentTarget.checked })}
          aria-readonly={readOnly || undefined}
        />
        {draft.noData ? (
          text('noDataReason', t('rounds:entry.noDataReason'), t('rounds:entry.noDataReasonHint'))
        ) : (
          <>
            {!statusCount && <ValueFields {...props} />}
            <div id={fieldId('answer', 'cells')} tabIndex={-1}>
              <BreakdownFields
                indicator={indicator}
                baseLocale={props.baseLocale}
                draft={draft}
                onChange={onChange}
                readOnly={readOnly}
              />
            </div>
          </>
        )}
      </Stack>
      {!draft.noData &&
        (mismatch || draft.partsExplanation) &&
        text('partsExplanation', t('rounds:entry.partsExplanation'), t('rounds:entry.partsExplanationHint'))}
      {!draft.noData &&
        (hasChange || draft.changeComment) &&
        text('changeComment', t('rounds:entry.changeComment'), t('rounds:entry.changeCommentHint'))}
      <Divider />
      {text('narrative', t('rounds:entry.narrative'), t('rounds:entry.narrativeHint'))}
      <Divider />
      <Stack gap="sm" id={fieldId('answer', 'evidence')} tabIndex={-1}>
        <Title order={3} size="h5">
          {t('rounds:evidence.heading')}
        </Title>
        <EvidenceFields
          country={props.country}
          evidence={draft.evidence}
          onChange={(evidence) => onChange({ evidence })}
          readOnly={readOnly}
        />
      </Stack>
    </Stack>
  )
}
