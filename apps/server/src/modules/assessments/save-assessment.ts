import {
  assessmentInputProblems,
  type Issue,
  normaliseScore,
  rawScoreOf,
  type SaveAssessmentBody,
  type Scorer,
  scaleOf,
} from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { AssessmentContext } from './assessment-context.ts'
import { findAssessmentRow } from './assessments.queries.ts'

const YPN = ['no', 'partial', 'yes'] as const

/** Assessment happens while the round collects or is in review. */
export function assertAssessing(ctx: AssessmentContext): void {
  const status = ctx.round.row.status
  if (status !== 'collecting' && status !== 'reviewing')
    throw invalidState(`The round is ${status}; assessments can be changed only while it is collecting or in review`)
}

/** Source answers, their evidence, and files named by the body must belong to this indicator and country. */
async function referenceProblems(trx: Trx, ctx: AssessmentContext, body: SaveAssessmentBody): Promise<Issue[]> {
  const issues: Issue[] = []
  const answers = await trx
    .selectFrom('answers')
    .select('id')
    .where('roundId', '=', ctx.round.row.id)
    .where('countryCode', '=', ctx.countryCode)
    .where('indicatorCode', '=', ctx.indicator.code)
    .execute()
  const answerIds = new Set(answers.map((a) => a.id))
  body.sourceAnswerIds.forEach((id, i) => {
    if (!answerIds.has(id))
      issues.push({ path: `body.sourceAnswerIds[${i}]`, message: 'Not an answer to this indicator', code: 'reference' })
  })
  const evidence = answerIds.size
    ? await trx
        .selectFrom('evidence')
        .select('id')
        .where('answerId', 'in', [...answerIds])
        .execute()
    : []
  const evidenceIds = new Set(evidence.map((e) => e.id))
  body.answerEvidenceIds.forEach((id, i) => {
    if (!evidenceIds.has(id))
      issues.push({
        path: `body.answerEvidenceIds[${i}]`,
        message: 'Not evidence of an answer to this indicator',
        code: 'reference',
      })
  })
  for (const [i, e] of body.evidence.entries()) {
    if (e.kind === 'file') {
      const file = e.fileId
        ? await trx.selectFrom('files').select('countryCode').where('id', '=', e.fileId).executeTakeFirst()
        : undefined
      if (file?.countryCode !== ctx.countryCode)
        issues.push({ path: `body.evidence[${i}].fileId`, message: 'Upload the file first', code: 'reference' })
    } else if (e.kind === 'link' && !e.url) {
      issues.push({ path: `body.evidence[${i}].url`, message: 'A link needs its address', code: 'required' })
    } else if (e.kind === 'citation' && !e.citation) {
      issues.push({ path: `body.evidence[${i}].citation`, message: 'Write the citation', code: 'required' })
    }
  }
  return issues
}

/**
 * Saves the expert's draft (new, draft or returned): checks the score against the scale and the references, derives
 * the scale answer from the level and the 0-100 score by the shared method, and records it. A submitted assessment
 * waits for the lead; a validated one is locked.
 */
export async function saveAssessment(
  trx: Trx,
  req: RequestContext,
  ctx: AssessmentContext,
  scorer: Scorer,
  expertId: string | null,
  body: SaveAssessmentBody,
): Promise<void> {
  assertAssessing(ctx)
  const existing = await findAssessmentRow(trx, ctx, scorer)
  if (existing?.status === 'validated') throw invalidState('This assessment is validated and locked')
  if (existing?.status === 'submitted')
    throw invalidState('This assessment is submitted; the country lead validates it or returns it for changes')
  assertVersion(existing?.version ?? 0, body.version)
  const issues = [...assessmentInputProblems(ctx.indicator, body), ...(await referenceProblems(trx, ctx, body))]
  if (issues.length) throw validationFailed(issues)

  const m = ctx.indicator.measurement
  const levels = scaleOf(m)?.kind === 'levels'
  const value = { ...body.value }
  if (levels && body.score !== null)
    value.choice = m.type === 'yes_partial_no' ? (YPN[body.score] ?? null) : String(body.score)
  const raw = rawScoreOf(ctx.indicator, body)
  const now = nowIso()
  const fields = {
    noData: body.noData ? 1 : 0,
    noDataReason: body.noDataReason,
    value: toJson(value),
    sourceAnswerIds: toJson(body.sourceAnswerIds),
    consolidationNote: body.consolidationNote,
    score: levels ? body.score : null,
    normalisedScore: raw === null ? null : normaliseScore(m, raw),
    justification: body.justification,
    answerEvidenceIds: toJson(body.answerEvidenceIds),
    evidence: toJson(body.evidence),
    confidence: body.confidence,
    dataGaps: body.dataGaps,
    discrepancyResolution: body.discrepancyResolution,
    updatedAt: now,
    updatedBy: req.actor?.id ?? null,
  }
  const id = existing?.id ?? newId()
  if (existing) {
    const res = await trx
      .updateTable('assessments')
      // The assessment belongs to whoever is assigned now (the lead may have started it before assigning anyone).
      .set({ ...fields, expertId, version: existing.version + 1 })
      .where('id', '=', id)
      .where('version', '=', existing.version)
      .executeTakeFirst()
    assertOneRowUpdated(res)
  } else {
    await trx
      .insertInto('assessments')
      .values({
        ...fields,
        id,
        roundId: ctx.round.row.id,
        countryCode: ctx.countryCode,
        indicatorCode: ctx.indicator.code,
        scorer,
        expertId,
        status: 'draft',
        returnComment: null,
        submittedAt: null,
        submittedBy: null,
        validatedAt: null,
        validatedBy: null,
        createdAt: now,
        version: 1,
      })
      .execute()
  }
  await recordAudit(trx, req, {
    action: 'assessment.saved',
    subjectType: 'assessment',
    subjectId: id,
    countryCode: ctx.countryCode,
    before: existing ? { score: existing.score, status: existing.status } : undefined,
    after: { indicator: ctx.indicator.code, scorer, score: fields.score, normalisedScore: fields.normalisedScore },
  })
}
