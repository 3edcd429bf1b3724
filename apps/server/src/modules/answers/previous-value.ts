import type { Database } from '../../db/database.ts'
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

/**
 * The same organisation's submitted answer for this indicator in the country's previous round (the latest earlier
 * reference period), found through Handbook lineage when the rounds use different versions.
 */
export async function previousValue(
  db: Database | Trx,
  ctx: AnswerContext,
  organisationId: string,
): Promise<PreviousValue | null> {
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
  const code = codes[0] as string
  const answer = await db
    .selectFrom('answers')
    .select(['valueNumber', 'valueNumerator', 'valueDenominator', 'valueChoice'])
    .where('roundId', '=', earlier.id)
    .where('countryCode', '=', ctx.countryCode)
    .where('indicatorCode', '=', code)
    .where('organisationId', '=', organisationId)
    .where('status', 'in', ['submitted', 'validated'])
    .executeTakeFirst()
  if (!answer) return null
  const ratio = answer.valueDenominator ? (answer.valueNumerator ?? 0) / answer.valueDenominator : null
  return {
    roundId: earlier.id,
    roundName: earlier.name,
    referenceYear: Number(earlier.periodTo.slice(0, 4)),
    code,
    number: ctx.indicator.measurement.type === 'percentage' ? ratio : answer.valueNumber,
    choice: answer.valueChoice,
  }
}
