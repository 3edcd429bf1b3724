import { toJson } from '../db/portable.ts'
import { type BulkRow, type BulkWriter, T } from './scale-bulk.ts'
import { prng, type ScaleIndicator, scaleScore, scaleValue } from './scale-values.ts'

/** The bulk rows of the synthetic installation (`seedScale`): past rounds, the open round, recommendations. */

const FOLLOW_UPS = ['not_implemented', 'partially_implemented', 'fully_implemented'] as const
const PRIORITIES = ['urgent', 'necessary', 'encouraged'] as const

export type Count = (w: BulkWriter, table: (typeof T)[keyof typeof T], batch: BulkRow[]) => Promise<void>
export type Round = { id: string; year: number; status: string }

/** A published round of one country: two validated source answers per indicator, their cells, the assessment. */
export async function pastRound(
  w: BulkWriter,
  count: Count,
  round: Round,
  progress: number,
  country: string,
  org: { gov: string; ngo: string },
  indicators: ScaleIndicator[],
  rnd: () => number,
  nextId: () => string,
  validator: string,
) {
  const at = `${round.year + 1}-04-20T10:00:00.000Z`
  const answers: BulkRow[] = []
  const cells: BulkRow[] = []
  const assessments: BulkRow[] = []
  const level = 0.15 + progress * 0.6 + rnd() * 0.2
  for (const ind of indicators) {
    const ids: string[] = []
    let kept: ReturnType<typeof scaleValue> | null = null
    for (const [organisationId, ngo] of [
      [org.gov, false],
      [org.ngo, true],
    ] as const) {
      const id = nextId()
      ids.push(id)
      const v = scaleValue(ind, level, ngo, rnd)
      kept ??= v
      answers.push([
        id,
        round.id,
        country,
        ind.doc.code,
        organisationId,
        'validated',
        0,
        v.choice,
        v.number,
        v.numerator,
        v.denominator,
        v.text,
        at,
        at,
        at,
        2,
      ])
      for (const [key, value] of v.cells) cells.push([id, key, value])
    }
    const v = kept as NonNullable<typeof kept>
    const { score, normalised } = scaleScore(ind, v)
    const value = {
      choice: v.choice,
      number: v.number,
      numerator: v.numerator,
      denominator: v.denominator,
      text: v.text,
    }
    assessments.push([
      nextId(),
      round.id,
      country,
      ind.doc.code,
      'primary',
      'validated',
      0,
      toJson(value),
      toJson(ids),
      score,
      normalised,
      '[]',
      '[]',
      'medium',
      at,
      at,
      validator,
      at,
      at,
      3,
    ])
  }
  await count(w, T.answers, answers)
  await count(w, T.answerCells, cells)
  await count(w, T.assessments, assessments)
}

/** The open round of one country: assignments to both organisations (half due already), some NGO answers in. */
export async function openRound(
  w: BulkWriter,
  count: Count,
  round: Round,
  country: string,
  org: { gov: string; ngo: string },
  indicators: ScaleIndicator[],
  rnd: () => number,
  nextId: () => string,
  now: string,
) {
  const assignments: BulkRow[] = []
  const providers: BulkRow[] = []
  const answers: BulkRow[] = []
  const cells: BulkRow[] = []
  for (const [i, ind] of indicators.entries()) {
    const id = nextId()
    assignments.push([
      id,
      round.id,
      country,
      ind.doc.code,
      i % 2 ? `${round.year}-12-15` : `${round.year}-01-31`,
      now,
      1,
    ])
    providers.push([id, org.gov], [id, org.ngo])
    if (rnd() < 0.3) {
      const answerId = nextId()
      const v = scaleValue(ind, 0.6, true, rnd)
      const submitted = rnd() < 0.6
      answers.push([
        answerId,
        round.id,
        country,
        ind.doc.code,
        org.ngo,
        submitted ? 'submitted' : 'draft',
        0,
        v.choice,
        v.number,
        v.numerator,
        v.denominator,
        v.text,
        now,
        now,
        submitted ? now : null,
        1,
      ])
      for (const [key, value] of v.cells) cells.push([answerId, key, value])
    }
  }
  await count(w, T.assignments, assignments)
  await count(w, T.assignmentProviders, providers)
  await count(w, T.answers, answers)
  await count(w, T.answerCells, cells)
}

/** Three recommendations per country and published round, followed up in later rounds until fully implemented. */
export async function recommendations(
  w: BulkWriter,
  count: Count,
  country: string,
  ci: number,
  rounds: Round[],
  nextId: () => string,
) {
  const recs: BulkRow[] = []
  const followUps: BulkRow[] = []
  const rnd = prng(90_000 + ci)
  const published = rounds.filter((r) => r.status === 'published')
  for (const [ri, round] of published.entries())
    for (let k = 0; k < 3; k++) {
      const id = nextId()
      const at = `${round.year + 1}-05-15T10:00:00.000Z`
      recs.push([
        id,
        country,
        round.id,
        `Synthetic recommendation ${k + 1} of ${round.year} for ${country}.`,
        toJson(['Ministry of the Interior']),
        toJson([`B${String(1 + ((ri + k) % 10)).padStart(2, '0')}`]),
        '[]',
        PRIORITIES[k] as string,
        'monitoring',
        at,
        at,
        1,
      ])
      for (const later of rounds.slice(ri + 1, ri + 7)) {
        const status = FOLLOW_UPS[Math.min(2, Math.floor(rnd() * 3.4))] as string
        followUps.push([nextId(), id, later.id, status, '[]', `${later.year + 1}-05-10T10:00:00.000Z`, 1])
        if (status === 'fully_implemented') break
      }
    }
  await count(w, T.recommendations, recs)
  await count(w, T.followUps, followUps)
}
