import { type RoundOptions, RoundOptionsSchema, type Scorer, type SourceAnswer } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { type AnswerContext, loadAnswerContext } from '../answers/answer-context.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'

export interface AssessmentContext extends AnswerContext {
  options: RoundOptions
  experts: Record<Scorer, string | null>
}

/** The indicator a country answers in a round (404 when not listed), with its experts and the round's options. */
export async function loadAssessmentContext(
  db: Database | Trx,
  round: LoadedRound,
  countryCode: string,
  code: string,
): Promise<AssessmentContext> {
  const base = await loadAnswerContext(db, round, countryCode, code)
  const assignment = await db
    .selectFrom('assignments')
    .select(['expertId', 'secondExpertId'])
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .where('indicatorCode', '=', code)
    .executeTakeFirst()
  return {
    ...base,
    options: RoundOptionsSchema.parse(parseJson(round.row.options, {})),
    experts: { primary: assignment?.expertId ?? null, second: assignment?.secondExpertId ?? null },
  }
}

/** Every source answer of the indicator, with its cells, as the discrepancy check reads them. */
export async function sourceAnswers(db: Database | Trx, ctx: AnswerContext): Promise<SourceAnswer[]> {
  const rows = await db
    .selectFrom('answers')
    .selectAll()
    .where('roundId', '=', ctx.round.row.id)
    .where('countryCode', '=', ctx.countryCode)
    .where('indicatorCode', '=', ctx.indicator.code)
    .execute()
  if (rows.length === 0) return []
  const cells = await db
    .selectFrom('answerCells')
    .selectAll()
    .where(
      'answerId',
      'in',
      rows.map((r) => r.id),
    )
    .execute()
  return rows.map((r) => ({
    id: r.id,
    status: r.status as SourceAnswer['status'],
    noData: r.noData === 1,
    value: {
      choice: r.valueChoice,
      number: r.valueNumber,
      numerator: r.valueNumerator,
      denominator: r.valueDenominator,
      text: r.valueText,
    },
    cells: cells.filter((c) => c.answerId === r.id).map((c) => ({ key: c.cellKey, value: c.value })),
  }))
}
