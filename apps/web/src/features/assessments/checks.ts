import type { Discrepancy, IndicatorDoc, Issue } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import type { AssessmentDraft, AssessmentField } from './assessment-draft.ts'
import { fieldOfIssue } from './assessment-draft.ts'

/** What a field needs before submitting, as the field's error message. */
const REQUIRED: Record<AssessmentField, string> = {
  noDataReason: 'assessments:problems.noDataReason',
  sourceAnswerIds: 'assessments:problems.invalid',
  consolidationNote: 'assessments:problems.invalid',
  discrepancyResolution: 'assessments:problems.discrepancyResolution',
  'value.number': 'assessments:problems.number',
  'value.numerator': 'assessments:problems.numerator',
  'value.denominator': 'assessments:problems.denominator',
  'value.text': 'assessments:problems.invalid',
  score: 'assessments:problems.score',
  justification: 'assessments:problems.justification',
  evidence: 'assessments:problems.evidence',
  confidence: 'assessments:problems.confidence',
  dataGaps: 'assessments:problems.invalid',
}

const BY_CODE: Record<string, string> = {
  'percentage.over100': 'assessments:problems.over100',
  'number.negative': 'assessments:problems.negative',
  'number.whole': 'assessments:problems.whole',
  'score.range': 'assessments:problems.scoreRange',
  'score.derived': 'assessments:problems.scoreDerived',
  reference: 'assessments:problems.reference',
}

/** A problem (the shared submit rules, or a 400 from the server) in the person's language. */
export function useIssueMessage(): (issue: Issue) => string {
  const { t } = useTranslation()
  return (issue) => {
    const byCode = issue.code ? BY_CODE[issue.code] : undefined
    if (byCode) return t(byCode)
    const field = fieldOfIssue(issue)
    // Evidence items the server refuses (a link without its address, a file not uploaded) are "not valid", not missing.
    if (field && issue.code === 'required' && !/\[\d+\]/.test(issue.path)) return t(REQUIRED[field])
    return t('assessments:problems.invalid')
  }
}

/** One line of the checklist before submitting. */
export interface Requirement {
  field: AssessmentField
  label: string
}

const LABELS: Record<string, string> = {
  justification: 'assessments:checklist.justification',
  confidence: 'assessments:checklist.confidence',
  noDataReason: 'assessments:checklist.noDataReason',
  score: 'assessments:checklist.score',
  evidence: 'assessments:checklist.evidence',
  'value.number': 'assessments:checklist.number',
  'value.numerator': 'assessments:checklist.numerator',
  'value.denominator': 'assessments:checklist.denominator',
  discrepancyResolution: 'assessments:checklist.discrepancyResolution',
}

/**
 * What submitting asks for, in the order of `assessmentSubmitProblems` (the shared rule decides which are met):
 * a justification and a confidence; the reason when there is no data, otherwise the score and evidence for a scale,
 * the figure(s) for counts, amounts and percentages; and the resolution when the sources disagree.
 */
export function useRequirements(): (
  ind: Pick<IndicatorDoc, 'measurement'>,
  d: AssessmentDraft,
  discrepancy: Discrepancy,
) => Requirement[] {
  const { t } = useTranslation()
  return (ind, d, discrepancy) => {
    const fields: AssessmentField[] = ['justification', 'confidence']
    const m = ind.measurement.type
    if (d.noData) fields.push('noDataReason')
    else {
      if (m === 'rubric' || m === 'yes_partial_no') fields.push('score', 'evidence')
      if (m === 'count' || m === 'amount') fields.push('value.number')
      if (m === 'percentage') fields.push('value.numerator', 'value.denominator')
      if (discrepancy.kind !== 'none') fields.push('discrepancyResolution')
    }
    return fields.map((field) => ({ field, label: t(LABELS[field] ?? 'assessments:problems.invalid') }))
  }
}
