import {
  type Assessment,
  type ConfidenceLevel,
  type IndicatorDoc,
  type Issue,
  normaliseScore,
  rawScoreOf,
  type SaveAssessmentBody,
} from '@thbm/shared'
import type { EvidenceDraft } from '../rounds/answer-draft.ts'

/** An assessment as the form edits it: empty texts are '', the expert's own evidence has stable keys. */
export interface AssessmentDraft {
  noData: boolean
  noDataReason: string
  number: number | null
  numerator: number | null
  denominator: number | null
  text: string
  sourceAnswerIds: string[]
  consolidationNote: string
  score: number | null
  justification: string
  answerEvidenceIds: string[]
  evidence: EvidenceDraft[]
  confidence: ConfidenceLevel | null
  dataGaps: string
  discrepancyResolution: string
}

export const emptyAssessmentDraft = (): AssessmentDraft => ({
  noData: false,
  noDataReason: '',
  number: null,
  numerator: null,
  denominator: null,
  text: '',
  sourceAnswerIds: [],
  consolidationNote: '',
  score: null,
  justification: '',
  answerEvidenceIds: [],
  evidence: [],
  confidence: null,
  dataGaps: '',
  discrepancyResolution: '',
})

/** The form state of a saved assessment. */
export function draftFromAssessment(a: Assessment): AssessmentDraft {
  return {
    noData: a.noData,
    noDataReason: a.noDataReason ?? '',
    number: a.value.number,
    numerator: a.value.numerator,
    denominator: a.value.denominator,
    text: a.value.text ?? '',
    sourceAnswerIds: [...a.sourceAnswerIds],
    consolidationNote: a.consolidationNote ?? '',
    score: a.score,
    justification: a.justification ?? '',
    answerEvidenceIds: [...a.answerEvidenceIds],
    evidence: a.evidence.map((e, i) => ({ ...e, key: `saved-${i}-${e.fileId ?? e.url ?? e.title}` })),
    confidence: a.confidence,
    dataGaps: a.dataGaps ?? '',
    discrepancyResolution: a.discrepancyResolution ?? '',
  }
}

const textOrNull = (v: string) => (v.trim() ? v.trim() : null)

/**
 * The save request for a draft. The level of a scale indicator is the score (the server derives the scale answer
 * from it); the figures are sent only for indicators measured by a figure.
 */
export function toAssessmentBody(ind: Pick<IndicatorDoc, 'measurement'>, d: AssessmentDraft, version: number) {
  const m = ind.measurement.type
  const levels = m === 'rubric' || m === 'yes_partial_no'
  const body: SaveAssessmentBody = {
    version,
    noData: d.noData,
    noDataReason: d.noData ? textOrNull(d.noDataReason) : null,
    value: {
      choice: null,
      number: m === 'count' || m === 'amount' ? d.number : null,
      numerator: m === 'percentage' ? d.numerator : null,
      denominator: m === 'percentage' ? d.denominator : null,
      text: m === 'text' ? textOrNull(d.text) : null,
    },
    sourceAnswerIds: [...d.sourceAnswerIds].sort(),
    consolidationNote: textOrNull(d.consolidationNote),
    score: levels && !d.noData ? d.score : null,
    justification: textOrNull(d.justification),
    answerEvidenceIds: [...d.answerEvidenceIds].sort(),
    evidence: d.evidence.map(({ key: _key, file: _file, ...e }) => e),
    confidence: d.confidence,
    dataGaps: textOrNull(d.dataGaps),
    discrepancyResolution: textOrNull(d.discrepancyResolution),
  }
  return body
}

/** Whether two drafts would save the same assessment. */
export const sameAssessment = (ind: Pick<IndicatorDoc, 'measurement'>, a: AssessmentDraft, b: AssessmentDraft) =>
  JSON.stringify(toAssessmentBody(ind, a, 0)) === JSON.stringify(toAssessmentBody(ind, b, 0))

/** The 0-100 score the draft would get by the shared method, or null (not scored, nothing chosen, out of bands). */
export function previewScore(ind: Pick<IndicatorDoc, 'measurement'>, d: AssessmentDraft): number | null {
  const raw = rawScoreOf(ind, toAssessmentBody(ind, d, 0))
  if (raw === null) return null
  try {
    return normaliseScore(ind.measurement, raw)
  } catch {
    return null
  }
}

/** The form fields problems are shown at. */
export const ASSESSMENT_FIELDS = [
  'noDataReason',
  'sourceAnswerIds',
  'consolidationNote',
  'discrepancyResolution',
  'value.number',
  'value.numerator',
  'value.denominator',
  'value.text',
  'score',
  'justification',
  'evidence',
  'confidence',
  'dataGaps',
] as const
export type AssessmentField = (typeof ASSESSMENT_FIELDS)[number]

const isField = (f: string): f is AssessmentField => (ASSESSMENT_FIELDS as readonly string[]).includes(f)

/**
 * The field a problem belongs to: `body.value.numerator` → `value.numerator`, `body.evidence[1].url` → `evidence`,
 * `body.answerEvidenceIds[0]` → `evidence`; null for anything else.
 */
export function fieldOfIssue(issue: Pick<Issue, 'path'>): AssessmentField | null {
  const path = issue.path.replace(/^body\./, '')
  const head = path.split('[')[0] ?? ''
  if (head === 'answerEvidenceIds') return 'evidence'
  if (isField(head)) return head
  const first = head.split('.')[0] ?? ''
  if (first === 'value') return null
  return isField(first) ? first : null
}

/** Problems grouped by field (in field order), keeping only the first problem of each field. */
export function issuesByAssessmentField(issues: readonly Issue[]): Map<AssessmentField, Issue> {
  const out = new Map<AssessmentField, Issue>()
  for (const issue of issues) {
    const field = fieldOfIssue(issue)
    if (field && !out.has(field)) out.set(field, issue)
  }
  return new Map(ASSESSMENT_FIELDS.filter((f) => out.has(f)).map((f) => [f, out.get(f) as Issue]))
}
