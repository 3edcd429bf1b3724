import { checkAnswer, type Issue } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { noticeReturn } from '../notifications/assignment-notices.ts'
import type { AnswerContext } from './answer-context.ts'
import { type AnswerRow, answerBody, findAnswerRow } from './answers.queries.ts'
import { previousValue } from './previous-value.ts'
import { assertWritable } from './save-answer.ts'

async function loadForChange(trx: Trx, ctx: AnswerContext, organisationId: string, version: number) {
  const row = await findAnswerRow(trx, ctx, organisationId)
  if (!row) throw notFound('There is no answer from this organisation yet')
  assertVersion(row.version, version)
  return row
}

/** What keeps an answer from being submitted: the error-level checks of the complete answer, as field issues. */
export async function submissionProblems(trx: Trx, ctx: AnswerContext, row: AnswerRow): Promise<Issue[]> {
  const body = await answerBody(trx, row)
  const previous = await previousValue(trx, ctx, row.organisationId)
  return checkAnswer(ctx.indicator, body, {
    complete: true,
    previous: previous?.number ?? null,
    changeThreshold: ctx.changeThreshold,
  })
    .filter((c) => c.severity === 'error')
    .map((c) => ({ path: `body.${c.path}`, message: c.message, code: c.code }))
}

/** Marks a complete answer submitted (clearing a return comment) and records it. */
export async function markSubmitted(trx: Trx, req: RequestContext, ctx: AnswerContext, row: AnswerRow): Promise<void> {
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
    .where('version', '=', row.version)
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

/** Submits an answer once it is complete: a value or "no data" with a reason, evidence where the scale needs it, explanations. */
export async function submitAnswer(
  trx: Trx,
  req: RequestContext,
  ctx: AnswerContext,
  organisationId: string,
  version: number,
): Promise<void> {
  const row = await loadForChange(trx, ctx, organisationId, version)
  if (row.status === 'submitted') throw invalidState('The answer is submitted already')
  assertWritable(ctx, row.status)
  const errors = await submissionProblems(trx, ctx, row)
  if (errors.length) throw validationFailed(errors, `The answer is not complete: ${errors.length} problem(s)`)
  await markSubmitted(trx, req, ctx, row)
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
  await noticeReturn(trx, req, row, input.comment)
  await recordAudit(trx, req, {
    action: 'answer.returned',
    subjectType: 'answer',
    subjectId: row.id,
    countryCode: ctx.countryCode,
    before: { status: 'submitted' },
    after: { status: 'returned', comment: input.comment },
  })
}
