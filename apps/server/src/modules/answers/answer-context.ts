import { type IndicatorDoc, RoundOptionsSchema } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { loadAdaptation } from '../frameworks/adaptations.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import type { EarlierRound } from './previous-value.ts'

export interface AnswerContext {
  round: LoadedRound
  countryCode: string
  indicator: IndicatorDoc
  reason: string
  changeThreshold: number
  /** Organisations assigned to answer this indicator. */
  assigned: string[]
  /** The previous round to compare with, when already looked up (previous-value.ts); undefined when not. */
  earlier?: EarlierRound | null
}

/** The indicator (framework or national extra) a country answers in a round; 404 when it is not in the list. */
export async function loadAnswerContext(
  db: Database | Trx,
  round: LoadedRound,
  countryCode: string,
  code: string,
): Promise<AnswerContext> {
  const listed = await db
    .selectFrom('roundIndicators')
    .select('reason')
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .where('indicatorCode', '=', code)
    .executeTakeFirst()
  if (!listed) throw notFound(`${code} is not in this country's list for the round`)
  const version = await loadVersion(db, round.row.frameworkVersionId)
  const extras =
    listed.reason === 'national'
      ? (await loadAdaptation(db, round.row.frameworkVersionId, countryCode)).extraIndicators
      : []
  const found = [...version.indicators, ...extras].find((i) => i.code === code)
  if (!found) throw notFound(`${code} is not in this framework version`)
  const { id: _id, version: _v, ...indicator } = found
  const assigned = await db
    .selectFrom('assignmentProviders')
    .innerJoin('assignments', 'assignments.id', 'assignmentProviders.assignmentId')
    .select('assignmentProviders.organisationId')
    .where('assignments.roundId', '=', round.row.id)
    .where('assignments.countryCode', '=', countryCode)
    .where('assignments.indicatorCode', '=', code)
    .execute()
  return {
    round,
    countryCode,
    indicator,
    reason: listed.reason,
    changeThreshold: RoundOptionsSchema.parse(parseJson(round.row.options, {})).changeThreshold,
    assigned: assigned.map((a) => a.organisationId),
  }
}
