import type { SubmitAllBody, SubmitAllResult } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { invalidState } from '../../errors.ts'
import { can } from '../../policies.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { type AnswerContext, loadAnswerContext } from './answer-context.ts'
import { markSubmitted, submissionProblems } from './submit-answer.ts'

/**
 * Submits, in one transaction, every draft or returned answer of the country that the actor may write and its
 * organisation is asked to give, and that passes the submission checks; the others are listed with their problems
 * and left as they are. During review only returned answers are submitted again. One audit row per submitted answer.
 */
export async function submitAll(
  trx: Trx,
  req: RequestContext,
  round: LoadedRound,
  countryCode: string,
  body: SubmitAllBody,
): Promise<SubmitAllResult> {
  const actor = req.actor
  const result: SubmitAllResult = { submitted: [], notReady: [] }
  const status = round.row.status
  if (status !== 'collecting' && status !== 'reviewing')
    throw invalidState(`The round is ${status}; answers can be submitted only while it is collecting`)
  if (!actor) return result
  let query = trx
    .selectFrom('answers')
    .selectAll()
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .where('status', 'in', status === 'collecting' ? ['draft', 'returned'] : ['returned'])
  if (body.organisationId) query = query.where('organisationId', '=', body.organisationId)
  if (body.indicatorCodes) query = query.where('indicatorCode', 'in', body.indicatorCodes)
  const rows = await query.orderBy('indicatorCode').orderBy('organisationId').execute()
  const lead = can(actor, 'answer.write', { countryCode, organisationId: '' })
  const contexts = new Map<string, AnswerContext>()
  for (const row of rows) {
    if (!can(actor, 'answer.write', { countryCode, organisationId: row.organisationId })) continue
    let ctx = contexts.get(row.indicatorCode)
    if (!ctx) {
      ctx = await loadAnswerContext(trx, round, countryCode, row.indicatorCode)
      contexts.set(row.indicatorCode, ctx)
    }
    if (!lead && !ctx.assigned.includes(row.organisationId)) continue
    const ref = { indicatorCode: row.indicatorCode, organisationId: row.organisationId }
    const problems = await submissionProblems(trx, ctx, row)
    if (problems.length) {
      result.notReady.push({ ...ref, problems })
      continue
    }
    await markSubmitted(trx, req, ctx, row)
    result.submitted.push(ref)
  }
  return result
}
