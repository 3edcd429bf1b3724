import { assessmentSubmitProblems, detectDiscrepancy, normaliseScore, type Scorer } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notify } from '../notifications/notify.ts'
import { type AssessmentContext, sourceAnswers } from './assessment-context.ts'
import { type AssessmentRow, assessmentBody, findAssessmentRow } from './assessments.queries.ts'
import { unresolvedDisagreement } from './double-scoring.ts'
import { assertAssessing } from './save-assessment.ts'

/** The stored assessment at the version the client saw, in one of the expected states. */
export async function loadForStep(
  trx: Trx,
  ctx: AssessmentContext,
  scorer: Scorer,
  version: number,
  expected: string[],
): Promise<AssessmentRow> {
  const row = await findAssessmentRow(trx, ctx, scorer)
  if (!row) throw notFound('There is no assessment of this indicator yet')
  assertVersion(row.version, version)
  if (!expected.includes(row.status)) throw invalidState(`The assessment is ${row.status}`, { status: row.status })
  return row
}

async function setStatus(trx: Trx, row: AssessmentRow, fields: Partial<AssessmentRow>): Promise<void> {
  const res = await trx
    .updateTable('assessments')
    .set({ ...fields, updatedAt: nowIso(), version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
}

/** Submits a complete assessment: justified, with evidence for a scale score, and any disagreement resolved. */
export async function submitAssessment(
  trx: Trx,
  req: RequestContext,
  ctx: AssessmentContext,
  scorer: Scorer,
  version: number,
): Promise<void> {
  assertAssessing(ctx)
  const row = await loadForStep(trx, ctx, scorer, version, ['draft', 'returned'])
  const discrepancy = detectDiscrepancy(ctx.indicator, await sourceAnswers(trx, ctx), ctx.options.discrepancyShare)
  const problems = assessmentSubmitProblems(ctx.indicator, assessmentBody(row), discrepancy)
  if (problems.length) throw validationFailed(problems, `The assessment is not complete: ${problems.length} problem(s)`)
  await setStatus(trx, row, {
    status: 'submitted',
    submittedAt: nowIso(),
    submittedBy: req.actor?.id ?? null,
    returnComment: null,
  })
  await recordAudit(trx, req, {
    action: 'assessment.submitted',
    subjectType: 'assessment',
    subjectId: row.id,
    countryCode: ctx.countryCode,
    before: { status: row.status },
    after: { status: 'submitted', score: row.score },
  })
}

/** Sends a submitted assessment back to its expert with a comment, and tells the expert. */
export async function returnAssessment(
  trx: Trx,
  req: RequestContext,
  ctx: AssessmentContext,
  scorer: Scorer,
  input: { version: number; comment: string },
): Promise<void> {
  assertAssessing(ctx)
  const row = await loadForStep(trx, ctx, scorer, input.version, ['submitted'])
  await setStatus(trx, row, { status: 'returned', returnComment: input.comment })
  // A returned score reopens the comparison: any settling of the two experts' scores no longer holds.
  if (ctx.options.doubleScoring) await unsettle(trx, ctx)
  // The expert assigned now, who fixes it, and whoever submitted it (the lead may have stood in).
  const readers = [ctx.experts[scorer], row.submittedBy].filter((id): id is string => id !== null)
  await notify(trx, req, {
    userIds: readers,
    kind: 'assessment_returned',
    roundId: ctx.round.row.id,
    countryCode: ctx.countryCode,
    indicatorCode: ctx.indicator.code,
    role: 'expert',
    comment: input.comment,
  })
  await recordAudit(trx, req, {
    action: 'assessment.returned',
    subjectType: 'assessment',
    subjectId: row.id,
    countryCode: ctx.countryCode,
    before: { status: 'submitted' },
    after: { status: 'returned', comment: input.comment },
  })
}

/** Answers the assessment rests on, moved between submitted and validated (locked) together with it. */
async function moveSourceAnswers(trx: Trx, row: AssessmentRow, from: string, to: string): Promise<string[]> {
  const ids = assessmentBody(row).sourceAnswerIds
  if (ids.length === 0) return []
  const answers = await trx
    .selectFrom('answers')
    .select(['id', 'version'])
    .where('id', 'in', ids)
    .where('status', '=', from)
    .execute()
  for (const a of answers) {
    await trx
      .updateTable('answers')
      .set({ status: to, updatedAt: nowIso(), version: a.version + 1 })
      .where('id', '=', a.id)
      .execute()
  }
  return answers.map((a) => a.id)
}

/** Validates a submitted assessment (four eyes are checked by the policy) and locks the answers it rests on. */
export async function validateAssessment(
  trx: Trx,
  req: RequestContext,
  ctx: AssessmentContext,
  version: number,
): Promise<void> {
  assertAssessing(ctx)
  const row = await loadForStep(trx, ctx, 'primary', version, ['submitted'])
  if (await unresolvedDisagreement(trx, ctx, row))
    throw invalidState('The two experts scored differently: settle the score (with a note) before validating')
  await setStatus(trx, row, {
    status: 'validated',
    validatedAt: nowIso(),
    validatedBy: req.actor?.id ?? null,
    returnComment: null,
  })
  const locked = await moveSourceAnswers(trx, row, 'submitted', 'validated')
  await recordAudit(trx, req, {
    action: 'assessment.validated',
    subjectType: 'assessment',
    subjectId: row.id,
    countryCode: ctx.countryCode,
    before: { status: 'submitted' },
    after: { status: 'validated', score: row.score, lockedAnswers: locked },
  })
}

/** Unlocks a validated assessment (and its answers) for changes; the reason is kept in the audit trail. */
export async function unlockAssessment(
  trx: Trx,
  req: RequestContext,
  ctx: AssessmentContext,
  input: { version: number; reason: string },
): Promise<void> {
  const status = ctx.round.row.status
  if (status !== 'collecting' && status !== 'reviewing')
    throw invalidState(`The round is ${status}; a published result is corrected by a new publication`)
  const row = await loadForStep(trx, ctx, 'primary', input.version, ['validated'])
  await setStatus(trx, row, { status: 'submitted', validatedAt: null, validatedBy: null })
  const unlocked = await moveSourceAnswers(trx, row, 'validated', 'submitted')
  await recordAudit(trx, req, {
    action: 'assessment.unlocked',
    subjectType: 'assessment',
    subjectId: row.id,
    countryCode: ctx.countryCode,
    before: { status: 'validated' },
    after: { status: 'submitted', reason: input.reason, unlockedAnswers: unlocked },
  })
}

/** Puts the first expert's own score back on the primary assessment and drops the lead's settling note. */
async function unsettle(trx: Trx, ctx: AssessmentContext): Promise<void> {
  const primary = await findAssessmentRow(trx, ctx, 'primary')
  if (!primary || primary.scoringResolution === null) return
  const own = primary.expertScore ?? primary.score
  await trx
    .updateTable('assessments')
    .set({
      score: own,
      normalisedScore: own === null ? null : normaliseScore(ctx.indicator.measurement, own),
      scoringResolution: null,
      expertScore: null,
      updatedAt: nowIso(),
      version: primary.version + 1,
    })
    .where('id', '=', primary.id)
    .execute()
}
