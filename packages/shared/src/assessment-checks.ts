import type { Discrepancy, SaveAssessmentBody } from './assessments.ts'
import type { Issue } from './errors.ts'
import type { IndicatorDoc } from './framework.ts'
import { scaleOf, validateScore } from './scoring.ts'

type Ind = Pick<IndicatorDoc, 'measurement'>

/** Problems with the consolidated value as typed: a negative or fractional count, a percentage above 100 %. */
function valueProblems(ind: Ind, body: SaveAssessmentBody): Issue[] {
  if (body.noData) return []
  const out: Issue[] = []
  const m = ind.measurement.type
  const v = body.value
  const bad = (field: string, code: string, message: string) => out.push({ path: `body.value.${field}`, message, code })
  if (m === 'count' || m === 'amount') {
    if (v.number !== null && v.number < 0) bad('number', 'number.negative', 'A count or amount cannot be negative')
    if (m === 'count' && v.number !== null && !Number.isInteger(v.number))
      bad('number', 'number.whole', 'A count is a whole number')
  }
  if (m === 'percentage') {
    for (const f of ['numerator', 'denominator'] as const)
      if (v[f] !== null && (v[f] as number) < 0) bad(f, 'number.negative', 'Cannot be negative')
    if (v.numerator !== null && v.denominator !== null && v.numerator > v.denominator)
      bad('numerator', 'percentage.over100', 'The numerator is larger than the denominator')
  }
  return out
}

/**
 * Problems with a score and value as typed (a draft may still be incomplete): a level outside the scale, a score where
 * none is made by hand, or a consolidated value that cannot be (a negative count, a percentage above 100 %), which
 * would also have no score in the indicator's target bands.
 */
export function assessmentInputProblems(ind: Ind, body: SaveAssessmentBody): Issue[] {
  return [...scoreProblems(ind, body), ...valueProblems(ind, body)]
}

function scoreProblems(ind: Ind, body: SaveAssessmentBody): Issue[] {
  if (body.score === null) return []
  const scale = scaleOf(ind.measurement)
  if (scale?.kind !== 'levels')
    return [
      { path: 'body.score', message: 'This indicator is scored from its value, not by hand', code: 'score.derived' },
    ]
  const problem = validateScore(ind.measurement, body.score)
  return problem ? [{ path: 'body.score', message: problem, code: 'score.range' }] : []
}

/**
 * What keeps an assessment from being submitted: a justification and a confidence always; then "no data" with its
 * reason, or the consolidated value and, for scale indicators, the score and at least one piece of evidence; and a
 * recorded resolution when the sources disagree.
 */
export function assessmentSubmitProblems(ind: Ind, body: SaveAssessmentBody, discrepancy: Discrepancy): Issue[] {
  const out: Issue[] = [...assessmentInputProblems(ind, body)]
  const need = (path: string, message: string) => out.push({ path: `body.${path}`, message, code: 'required' })
  if (!body.justification) need('justification', 'Justify the assessment')
  if (!body.confidence) need('confidence', 'Say how confident the assessment is')
  if (body.noData) {
    if (!body.noDataReason) need('noDataReason', 'Say why there is no data')
    return out
  }
  const m = ind.measurement.type
  const v = body.value
  if (m === 'rubric' || m === 'yes_partial_no') {
    if (body.score === null) need('score', 'Choose a score on the scale')
    if (body.answerEvidenceIds.length + body.evidence.length === 0)
      need('evidence', 'Link at least one piece of evidence to the score')
  }
  if ((m === 'count' || m === 'amount') && v.number === null) need('value.number', 'Give the consolidated figure')
  if (m === 'percentage') {
    if (v.numerator === null) need('value.numerator', 'Give the numerator')
    if (v.denominator === null) need('value.denominator', 'Give the denominator')
  }
  if (discrepancy.kind !== 'none' && !body.discrepancyResolution)
    need('discrepancyResolution', 'The sources disagree: record how this was resolved')
  return out
}

/** The raw score an indicator gets: the level typed for scale indicators, the value for indicators with target bands. */
export function rawScoreOf(ind: Ind, body: Pick<SaveAssessmentBody, 'score' | 'value' | 'noData'>): number | null {
  if (body.noData) return null
  const scale = scaleOf(ind.measurement)
  if (!scale) return null
  if (scale.kind === 'levels') return body.score
  const v = body.value
  if (ind.measurement.type === 'percentage')
    return v.numerator !== null && v.denominator ? (100 * v.numerator) / v.denominator : null
  return v.number
}
