import type { AnswerStatus, AnswerValue } from './answers.ts'
import type { Discrepancy } from './assessments.ts'
import type { IndicatorDoc } from './framework.ts'

export interface SourceAnswer {
  id: string
  status: AnswerStatus
  noData: boolean
  value: AnswerValue
  cells: { key: string; value: number }[]
}

/** The figures an answer gives that can be compared: one per victim status where identified and presumed are apart. */
function figures(ind: Pick<IndicatorDoc, 'measurement'>, a: SourceAnswer): Map<string, number> {
  const out = new Map<string, number>()
  const m = ind.measurement.type
  if (m === 'percentage') {
    if (a.value.numerator !== null && a.value.denominator) out.set('', a.value.numerator / a.value.denominator)
    return out
  }
  if (a.value.number !== null) out.set('', a.value.number)
  for (const c of a.cells) if (/^victim_status=[a-z_]+$/.test(c.key)) out.set(c.key, c.value)
  return out
}

/**
 * Whether the sources that submitted an answer disagree: different levels on a scale, or figures whose spread
 * ((largest − smallest) / largest, per victim status) is above the round's share. Drafts and "no data" answers are
 * not compared; text answers never disagree by rule.
 */
export function detectDiscrepancy(
  ind: Pick<IndicatorDoc, 'measurement'>,
  answers: SourceAnswer[],
  share: number,
): Discrepancy {
  const given = answers.filter((a) => (a.status === 'submitted' || a.status === 'validated') && !a.noData)
  const none: Discrepancy = { kind: 'none', spread: null, answerIds: [] }
  const m = ind.measurement.type
  if (m === 'rubric' || m === 'yes_partial_no') {
    const withChoice = given.filter((a) => a.value.choice !== null)
    const levels = new Set(withChoice.map((a) => a.value.choice))
    return levels.size > 1 ? { kind: 'levels', spread: null, answerIds: withChoice.map((a) => a.id) } : none
  }
  if (m === 'text') return none
  const byKey = new Map<string, { id: string; n: number }[]>()
  for (const a of given)
    for (const [key, n] of figures(ind, a)) byKey.set(key, [...(byKey.get(key) ?? []), { id: a.id, n }])
  let worst: Discrepancy = none
  for (const list of byKey.values()) {
    if (list.length < 2) continue
    const ns = list.map((x) => x.n)
    const max = Math.max(...ns)
    const min = Math.min(...ns)
    const spread = max === 0 ? 0 : (max - min) / Math.abs(max)
    if (spread > share && spread > (worst.spread ?? 0))
      worst = { kind: 'values', spread, answerIds: list.map((x) => x.id) }
  }
  return worst
}
