import { checkAnswer } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { AnswerContext } from './answer-context.ts'
import { answerBody, findAnswerRow } from './answers.queries.ts'
import { previousValue } from './previous-value.ts'
import { assertCollecting } from './save-answer.ts'

async function loadForChange(trx: Trx, ctx: AnswerContext, organisationId: string, version: number) {
  const row = await findAnswerRow(trx, ctx, organisationId)
  if (!row) throw notFound('There is no answer from this organisation yet')
  assertVersion(row.version, version)
  return row
}

/** Submits an answer once it is complete: a value or "no data" with a reason, evidence where the scale needs it, explanations. */
export async function submitAnswer(
  trx: Trx,
  req: RequestContext,
  ctx: AnswerContext,
  organisationId: string,
  version: number,
): Promise<void> {
  assertCollecting(ctx)
  const row = await loadForChange(trx, ctx, organisationId, version)
  if (row.status === 'submitted' || row.status === 'validated')
    throw invalidState(`The answer is ${row.status} already`)
  const body = await answerBody(trx, row)
  const previous = await previousValue(trx, ctx, organisationId)
  const checks = checkAnswer(ctx.indicator, body, {
    complete: true,
    previous: previous?.number ?? null,
    changeThreshold: ctx.changeThreshold,
  })
  const errors = checks
    .filter((c) => c.severity === 'error')
    .map((c) => ({ path: `body.${c.path}`, message: c.message, code: c.code }))
  if (errors.length) throw validationFailed(errors, `The answer is not complete: ${errors.length} problem(s)`)
  const now = nowIso()
  const res = await trx
    .updateTable('answers')
    .set({
      status: 'submitted',
      submittedAt: now,
      submittedBy: req.actor?.id ?? null,
      returnComment: null,
      updatedAt: now,
      version: row.version + 1,
    })
    .where('id', '=', row.id)
    .where('version', '=', version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, req, {
    action: 'answer.submitted',
    subjectType: 'answer',
    subjectId: row.id,
    countryCode: ctx.countryCode,
    before: { status: row.status },
    after: { status: 'submitted' },
  })
}

/** Sends a submitted answer back to its organisation with a comment saying what to fix. */
export async function returnAnswer(
  trx: Trx,
  req: RequestContext,
  ctx: AnswerContext,
  organisationId: string,
  input: { version: number; comment: string },
): Promise<void> {
  const row = await loadForChange(trx, ctx, organisationId, input.version)
  if (row.status !== 'submitted') throw invalidState('Only a submitted answer can be returned', { status: row.status })
  if (ctx.round.row.status !== 'collecting' && ctx.round.row.status !== 'reviewing')
    throw invalidState(`The round is ${ctx.round.row.status}`)
  const res = await trx
    .updateTable('answers')
    .set({ status: 'returned', returnComment: input.comment, updatedAt: nowIso(), version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', input.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, req, {
    action: 'answer.returned',
    subjectType: 'answer',
    subjectId: row.id,
    countryCode: ctx.countryCode,
    before: { status: 'submitted' },
    after: { status: 'returned', comment: input.comment },
  })
}
