import {
  type Agreement,
  type AgreementPair,
  agreementSummary,
  normaliseScore,
  type ResolveScoresBody,
  scaleOf,
  validateScore,
} from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { invalidState, validationFailed } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import type { AssessmentContext } from './assessment-context.ts'
import { loadForStep } from './assessment-workflow.ts'
import { type AssessmentRow, findAssessmentRow } from './assessments.queries.ts'

const SCORED = new Set(['submitted', 'validated'])

/** Both experts' scores differ and the lead has not settled it yet: validation waits for the recorded step. */
export async function unresolvedDisagreement(
  trx: Trx,
  ctx: AssessmentContext,
  primary: AssessmentRow,
): Promise<boolean> {
  if (!ctx.options.doubleScoring || primary.scoringResolution) return false
  const second = await findAssessmentRow(trx, ctx, 'second')
  return second !== undefined && SCORED.has(second.status) && second.score !== primary.score
}

/**
 * The country lead settles the two experts' disagreement: the primary assessment takes the final score, and the
 * note (with both scores) is kept on it and in the audit trail. Only when both experts have submitted.
 */
export async function resolveScores(
  trx: Trx,
  req: RequestContext,
  ctx: AssessmentContext,
  body: ResolveScoresBody,
): Promise<void> {
  if (!ctx.options.doubleScoring) throw invalidState('This round does not use double scoring')
  const primary = await loadForStep(trx, ctx, 'primary', body.version, ['submitted'])
  const second = await findAssessmentRow(trx, ctx, 'second')
  if (!second || !SCORED.has(second.status)) throw invalidState('The second expert has not submitted a score yet')
  const problem =
    scaleOf(ctx.indicator.measurement)?.kind === 'levels'
      ? validateScore(ctx.indicator.measurement, body.score)
      : 'This indicator is scored from its value'
  if (problem) throw validationFailed([{ path: 'body.score', message: problem }])
  await trx
    .updateTable('assessments')
    .set({
      score: body.score,
      normalisedScore: normaliseScore(ctx.indicator.measurement, body.score),
      scoringResolution: body.note,
      expertScore: primary.expertScore ?? primary.score,
      updatedAt: nowIso(),
      updatedBy: req.actor?.id ?? null,
      version: primary.version + 1,
    })
    .where('id', '=', primary.id)
    .where('version', '=', primary.version)
    .execute()
  await recordAudit(trx, req, {
    action: 'assessment.scoresResolved',
    subjectType: 'assessment',
    subjectId: primary.id,
    countryCode: ctx.countryCode,
    before: { primary: primary.score, second: second.score },
    after: { score: body.score, note: body.note },
  })
}

/**
 * Agreement of the two experts in a country: over indicators both scored on a scale and submitted, the share of
 * equal levels and the quadratic-weighted Cohen's kappa, overall and per area, with the disagreements listed.
 * Uses the experts' own scores as submitted (the second expert's row, and the primary's score before any settling).
 */
export async function agreementOf(db: Database, round: LoadedRound, countryCode: string): Promise<Agreement> {
  const version = await loadVersion(db, round.row.frameworkVersionId)
  const indicators = new Map(version.indicators.map((i) => [i.code, i]))
  const rows = await db
    .selectFrom('assessments')
    .selectAll()
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .execute()
  const pairs: (AgreementPair & { code: string; area: string; resolved: boolean })[] = []
  for (const p of rows.filter((r) => r.scorer === 'primary' && SCORED.has(r.status))) {
    const s = rows.find((r) => r.scorer === 'second' && r.indicatorCode === p.indicatorCode && SCORED.has(r.status))
    const ind = indicators.get(p.indicatorCode)
    if (!s || !ind || scaleOf(ind.measurement)?.kind !== 'levels') continue
    const first = firstScore(p)
    if (first === null || s.score === null) continue
    pairs.push({
      a: first,
      b: s.score,
      measurement: ind.measurement,
      code: p.indicatorCode,
      area: ind.area,
      resolved: p.scoringResolution !== null,
    })
  }
  const stats = (list: typeof pairs) => {
    const summary = agreementSummary(list)
    return { n: summary.n, exactAgreement: summary.exactAgreement, kappa: summary.kappa }
  }
  const areas = [...new Set(pairs.map((p) => p.area))].sort()
  return {
    overall: stats(pairs),
    areas: areas.map((area) => ({ area, ...stats(pairs.filter((p) => p.area === area)) })),
    disagreements: pairs
      .filter((p) => p.a !== p.b)
      .map((p) => ({ indicatorCode: p.code, primary: p.a, second: p.b, resolved: p.resolved })),
  }
}

/** The first expert's own score, also after the lead settled a disagreement. */
const firstScore = (row: AssessmentRow): number | null => row.expertScore ?? row.score
