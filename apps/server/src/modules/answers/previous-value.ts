import type { Database } from '../../db/database.ts'
import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import { codesInEarlierVersion } from '../frameworks/diff-versions.ts'
import type { AnswerContext } from './answer-context.ts'

export interface PreviousValue {
  roundId: string
  roundName: string
  referenceYear: number
  code: string
  /** The comparable figure: the number, or numerator / denominator for a percentage; null when not numeric. */
  number: number | null
  choice: string | null
}

/** The country's previous round and the code the indicator had in it: where the previous value is looked up. */
export interface EarlierRound {
  id: string
  name: string
  periodTo: string
  code: string
}

/**
 * The country's previous round (the latest earlier reference period), and the indicator's code in it through Handbook
 * lineage when the rounds use different versions; null when there is none, or the indicator was split or is new.
 */
export async function earlierRound(db: Database | Trx, ctx: AnswerContext): Promise<EarlierRound | null> {
  const earlier = await db
    .selectFrom('rounds')
    .innerJoin('roundCountries', 'roundCountries.roundId', 'rounds.id')
    .select(['rounds.id', 'rounds.name', 'rounds.periodTo', 'rounds.frameworkVersionId'])
    .where('roundCountries.countryCode', '=', ctx.countryCode)
    .where('rounds.periodTo', '<', ctx.round.row.periodFrom)
    .orderBy('rounds.periodTo', 'desc')
    .executeTakeFirst()
  if (!earlier) return null
  const codes = await codesInEarlierVersion(
    db,
    earlier.frameworkVersionId,
    ctx.round.row.frameworkVersionId,
    ctx.indicator.code,
  )
  if (codes.length !== 1) return null
  return { id: earlier.id, name: earlier.name, periodTo: earlier.periodTo, code: codes[0] as string }
}

/**
 * The same organisation's submitted answer for this indicator in the country's previous round (earlierRound, or the
 * one the context already holds).
 */
export async function previousValue(
  db: Database | Trx,
  ctx: AnswerContext,
  organisationId: string,
): Promise<PreviousValue | null> {
  const earlier = ctx.earlier === undefined ? await earlierRound(db, ctx) : ctx.earlier
  if (!earlier) return null
  const answer = await db
    .selectFrom('answers')
    .select(['valueNumber', 'valueNumerator', 'valueDenominator', 'valueChoice'])
    .where('roundId', '=', earlier.id)
    .where('countryCode', '=', ctx.countryCode)
    .where('indicatorCode', '=', earlier.code)
    .where('organisationId', '=', organisationId)
    .where('status', 'in', ['submitted', 'validated'])
    .executeTakeFirst()
  return answer ? previousFrom(ctx, earlier, answer) : null
}

type EarlierFigures = Pick<DB['answers'], 'valueNumber' | 'valueNumerator' | 'valueDenominator' | 'valueChoice'>

/** The previous value from the earlier round's answer (found by previousValue, or read along with the answer saved). */
export function previousFrom(ctx: AnswerContext, earlier: EarlierRound, answer: EarlierFigures): PreviousValue {
  const ratio = answer.valueDenominator ? (answer.valueNumerator ?? 0) / answer.valueDenominator : null
  return {
    roundId: earlier.id,
    roundName: earlier.name,
    referenceYear: Number(earlier.periodTo.slice(0, 4)),
    code: earlier.code,
    number: ctx.indicator.measurement.type === 'percentage' ? ratio : answer.valueNumber,
    choice: answer.valueChoice,
  }
}
