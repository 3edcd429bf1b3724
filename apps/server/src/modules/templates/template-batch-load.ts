import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import type { AnswerContext } from '../answers/answer-context.ts'
import type { AnswerRow } from '../answers/answers.queries.ts'
import { codesInEarlierVersion } from '../frameworks/diff-versions.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { answerKey } from './template-rows.ts'

/**
 * What an import reads about the answers it may change, a few queries for the whole workbook instead of several per
 * answer: the answers as stored, their cells and evidence, and the previous round's figures.
 */

/** Most ids in one `in (…)` list (both engines take far more; this keeps statements small). */
const CHUNK = 500

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** An answer's cells (by key, in the database's order, as AnswerSnapshot keeps them) and evidence rows (by position). */
export interface AnswerParts {
  cells: { cellKey: string; value: number }[]
  evidence: DB['evidence'][]
}

/** The stored answers of these organisations in the round and country, by answerKey(organisation, indicator). */
export async function loadAnswerRows(
  trx: Trx,
  round: LoadedRound,
  countryCode: string,
  organisationIds: readonly string[],
): Promise<Map<string, AnswerRow>> {
  const rows = organisationIds.length
    ? await trx
        .selectFrom('answers')
        .selectAll()
        .where('roundId', '=', round.row.id)
        .where('countryCode', '=', countryCode)
        .where('organisationId', 'in', [...organisationIds])
        .execute()
    : []
  return new Map(rows.map((r) => [answerKey(r.organisationId, r.indicatorCode), r]))
}

/** The cells and evidence of these answers, by answer id (every id gets an entry). */
export async function loadAnswerParts(trx: Trx, answerIds: readonly string[]): Promise<Map<string, AnswerParts>> {
  const out = new Map<string, AnswerParts>(answerIds.map((id) => [id, { cells: [], evidence: [] }]))
  for (const ids of chunks(answerIds)) {
    const cells = await trx
      .selectFrom('answerCells')
      .select(['answerId', 'cellKey', 'value'])
      .where('answerId', 'in', ids)
      .orderBy('answerId')
      .orderBy('cellKey')
      .execute()
    for (const c of cells) out.get(c.answerId)?.cells.push({ cellKey: c.cellKey, value: c.value })
    const evidence = await trx
      .selectFrom('evidence')
      .selectAll()
      .where('answerId', 'in', ids)
      .orderBy('answerId')
      .orderBy('position')
      .execute()
    for (const e of evidence) out.get(e.answerId)?.evidence.push(e)
  }
  return out
}

/**
 * The previous round's comparable figure of each answer (previousValue's `number`, by answerKey): the same
 * organisation's submitted or validated answer in the country's latest earlier round, through Handbook lineage.
 */
export async function previousNumbers(
  trx: Trx,
  round: LoadedRound,
  countryCode: string,
  items: readonly { ctx: AnswerContext; organisationId: string }[],
): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>()
  if (!items.length) return out
  const earlier = await trx
    .selectFrom('rounds')
    .innerJoin('roundCountries', 'roundCountries.roundId', 'rounds.id')
    .select(['rounds.id', 'rounds.name', 'rounds.periodTo', 'rounds.frameworkVersionId'])
    .where('roundCountries.countryCode', '=', countryCode)
    .where('rounds.periodTo', '<', round.row.periodFrom)
    .orderBy('rounds.periodTo', 'desc')
    .executeTakeFirst()
  if (!earlier) return out
  const earlierCode = new Map<string, string | null>()
  for (const { ctx } of items) {
    const code = ctx.indicator.code
    if (earlierCode.has(code)) continue
    const codes = await codesInEarlierVersion(trx, earlier.frameworkVersionId, round.row.frameworkVersionId, code)
    earlierCode.set(code, codes.length === 1 ? (codes[0] as string) : null)
  }
  const codes = [...new Set([...earlierCode.values()].filter((c): c is string => c !== null))]
  const organisations = [...new Set(items.map((i) => i.organisationId))]
  const found = new Map<
    string,
    { valueNumber: number | null; valueNumerator: number | null; valueDenominator: number | null }
  >()
  for (const part of chunks(codes)) {
    const rows = await trx
      .selectFrom('answers')
      .select(['indicatorCode', 'organisationId', 'valueNumber', 'valueNumerator', 'valueDenominator'])
      .where('roundId', '=', earlier.id)
      .where('countryCode', '=', countryCode)
      .where('indicatorCode', 'in', part)
      .where('organisationId', 'in', organisations)
      .where('status', 'in', ['submitted', 'validated'])
      .execute()
    for (const r of rows) found.set(answerKey(r.organisationId, r.indicatorCode), r)
  }
  for (const { ctx, organisationId } of items) {
    const code = earlierCode.get(ctx.indicator.code)
    const answer = code ? found.get(answerKey(organisationId, code)) : undefined
    if (!answer) continue
    const ratio = answer.valueDenominator ? (answer.valueNumerator ?? 0) / answer.valueDenominator : null
    out.set(
      answerKey(organisationId, ctx.indicator.code),
      ctx.indicator.measurement.type === 'percentage' ? ratio : answer.valueNumber,
    )
  }
  return out
}
