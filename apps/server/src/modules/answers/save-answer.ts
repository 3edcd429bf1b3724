import { type AnswerCheck, checkAnswer, type Issue, type SaveAnswerBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { fromBool } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { AnswerContext } from './answer-context.ts'
import { findAnswerRow } from './answers.queries.ts'
import { previousValue } from './previous-value.ts'

const toIssues = (checks: AnswerCheck[]): Issue[] =>
  checks
    .filter((c) => c.severity === 'error')
    .map((c) => ({ path: `body.${c.path}`, message: c.message, code: c.code }))

/**
 * Answers change while the round is collecting; during review, only an answer that was returned to its organisation
 * can be fixed (and submitted again). A validated answer is locked.
 */
export function assertWritable(ctx: AnswerContext, status: string | undefined): void {
  if (status === 'validated') throw invalidState('This answer is validated and locked')
  const status_ = ctx.round.row.status
  if (status_ === 'collecting' || (status_ === 'reviewing' && status === 'returned')) return
  throw invalidState(
    status_ === 'reviewing'
      ? 'The round is in review; only answers returned to their organisation can be changed'
      : `The round is ${status_}; answers can be changed only while it is collecting`,
  )
}

async function assertEvidenceFiles(trx: Trx, ctx: AnswerContext, body: SaveAnswerBody): Promise<Issue[]> {
  const issues: Issue[] = []
  for (const [i, e] of body.evidence.entries()) {
    if (e.kind === 'file') {
      const file = e.fileId
        ? await trx.selectFrom('files').select('countryCode').where('id', '=', e.fileId).executeTakeFirst()
        : undefined
      if (file?.countryCode !== ctx.countryCode)
        issues.push({ path: `body.evidence[${i}].fileId`, message: 'Upload the file first (for this country)' })
    }
    if (e.kind === 'link' && !e.url)
      issues.push({ path: `body.evidence[${i}].url`, message: 'A link needs its address' })
    if (e.kind === 'citation' && !e.citation)
      issues.push({ path: `body.evidence[${i}].citation`, message: 'Write the legal citation' })
  }
  return issues
}

/**
 * Saves an organisation's answer as it stands (autosave): a new answer starts as a draft; saving a submitted answer
 * takes it back to draft. Invalid values (wrong type, negative, over 100 %) are refused; incompleteness is not.
 */
export async function saveAnswer(
  trx: Trx,
  req: RequestContext,
  ctx: AnswerContext,
  organisationId: string,
  body: SaveAnswerBody,
): Promise<string> {
  const org = await trx
    .selectFrom('organisations')
    .select(['countryCode', 'active'])
    .where('id', '=', organisationId)
    .executeTakeFirst()
  if (org?.countryCode !== ctx.countryCode) throw notFound('Organisation not found in this country')
  const existing = await findAnswerRow(trx, ctx, organisationId)
  assertWritable(ctx, existing?.status)
  assertVersion(existing?.version ?? 0, body.version)
  const previous = await previousValue(trx, ctx, organisationId)
  const issues = [
    ...toIssues(
      checkAnswer(ctx.indicator, body, {
        complete: false,
        previous: previous?.number ?? null,
        changeThreshold: ctx.changeThreshold,
      }),
    ),
    ...(await assertEvidenceFiles(trx, ctx, body)),
  ]
  if (issues.length) throw validationFailed(issues)
  const now = nowIso()
  const columns = {
    noData: fromBool(body.noData),
    noDataReason: body.noDataReason,
    valueChoice: body.value.choice,
    valueNumber: body.value.number,
    valueNumerator: body.value.numerator,
    valueDenominator: body.value.denominator,
    valueText: body.value.text,
    narrative: body.narrative,
    partsExplanation: body.partsExplanation,
    changeComment: body.changeComment,
    updatedAt: now,
    updatedBy: req.actor?.id ?? null,
  }
  const id = existing?.id ?? newId()
  if (existing) {
    const status = existing.status === 'submitted' ? 'draft' : existing.status
    const res = await trx
      .updateTable('answers')
      .set({ ...columns, status, version: existing.version + 1 })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst()
    assertOneRowUpdated(res)
  } else {
    await trx
      .insertInto('answers')
      .values({
        id,
        roundId: ctx.round.row.id,
        countryCode: ctx.countryCode,
        indicatorCode: ctx.indicator.code,
        organisationId,
        status: 'draft',
        returnComment: null,
        importBatchId: null,
        createdAt: now,
        submittedAt: null,
        submittedBy: null,
        version: 1,
        ...columns,
      })
      .execute()
  }
  await trx.deleteFrom('answerCells').where('answerId', '=', id).execute()
  if (body.cells.length)
    await trx
      .insertInto('answerCells')
      .values(body.cells.map((c) => ({ answerId: id, cellKey: c.key, value: c.value })))
      .execute()
  await trx.deleteFrom('evidence').where('answerId', '=', id).execute()
  if (body.evidence.length) {
    await trx
      .insertInto('evidence')
      .values(
        body.evidence.map((e, position) => ({
          id: newId(),
          answerId: id,
          kind: e.kind,
          fileId: e.fileId,
          url: e.url,
          citation: e.citation,
          title: e.title,
          internal: fromBool(e.internal),
          position,
        })),
      )
      .execute()
  }
  await recordAudit(trx, req, {
    action: 'answer.saved',
    subjectType: 'answer',
    subjectId: id,
    countryCode: ctx.countryCode,
    before: existing ? { version: existing.version, status: existing.status } : undefined,
    after: {
      round: ctx.round.row.id,
      indicator: ctx.indicator.code,
      organisationId,
      noData: body.noData,
      value: body.value,
      cells: body.cells.length,
      evidence: body.evidence.length,
    },
  })
  return id
}
