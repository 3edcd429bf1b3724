import type { DecisionBody, DecisionsOverview, ReviewDecisionKind } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { LoadedVersion } from '../frameworks/frameworks.queries.ts'
import type { LoadedDecision, LoadedReview } from './reviews.queries.ts'

type Kind = { decision: ReviewDecisionKind; mergeInto: string | null }
const GONE = new Set<ReviewDecisionKind>(['drop', 'merge'])

/**
 * What makes a set of decisions impossible to apply, as sentences naming both codes: a merge into an indicator that
 * is itself dropped or merged away. Pure: used when a decision is recorded and again before the draft is made.
 */
export function decisionConflicts(
  decisions: ReadonlyMap<string, Kind>,
): { code: string; target: string; message: string }[] {
  const out: { code: string; target: string; message: string }[] = []
  for (const [code, d] of decisions) {
    if (d.decision !== 'merge' || !d.mergeInto) continue
    const target = decisions.get(d.mergeInto)
    if (!target || !GONE.has(target.decision)) continue
    const fate = target.decision === 'drop' ? 'is dropped' : `is itself merged into ${target.mergeInto}`
    out.push({
      code,
      target: d.mergeInto,
      message: `${code} cannot be merged into ${d.mergeInto}: ${d.mergeInto} ${fate}`,
    })
  }
  return out
}

/** Records (or changes) the coordinator's decision on one indicator, version-checked (0 for a first decision). */
export async function recordDecision(
  trx: Trx,
  ctx: RequestContext,
  review: LoadedReview,
  version: LoadedVersion,
  decisions: Map<string, LoadedDecision>,
  code: string,
  body: DecisionBody,
): Promise<void> {
  if (review.status === 'draft') throw invalidState('Decisions come after the rating rounds; no round has run yet')
  if (review.row.generatedVersionId)
    throw invalidState('The next version was generated from these decisions; change it in the Handbook')
  if (!version.indicators.some((i) => i.code === code))
    throw notFound(`Indicator ${code} is not in the reviewed version`)
  const mergeInto = body.decision === 'merge' ? body.mergeInto : null
  if (mergeInto !== null && (mergeInto === code || !version.indicators.some((i) => i.code === mergeInto)))
    throw validationFailed([
      {
        path: 'body.mergeInto',
        message:
          mergeInto === code
            ? 'An indicator cannot merge into itself'
            : `Indicator ${mergeInto} is not in the reviewed version`,
      },
    ])
  const base = version.framework.baseLocale
  const newTitle = body.decision === 'reword' ? body.newTitle : null
  if (newTitle && !newTitle[base as keyof typeof newTitle]?.trim())
    throw validationFailed([
      { path: `body.newTitle.${base}`, message: `Give the new title in the Handbook's language (${base})` },
    ])

  const existing = decisions.get(code)
  assertVersion(existing?.version ?? 0, body.version)
  const after = new Map<string, Kind>(decisions)
  after.set(code, { decision: body.decision, mergeInto })
  const conflicts = decisionConflicts(after).filter((c) => c.code === code || c.target === code)
  if (conflicts.length)
    throw invalidState(conflicts.map((c) => c.message).join('; '), {
      conflicts: conflicts.map(({ code: c, target }) => ({ code: c, target })),
    })

  const fields = {
    decision: body.decision,
    mergeInto,
    newTitle: newTitle ? toJson(newTitle) : null,
    moveTo: body.decision === 'move' ? body.moveTo : null,
    rationale: body.rationale,
    decidedBy: ctx.actor?.id ?? null,
    decidedAt: nowIso(),
  }
  if (existing) {
    const res = await trx
      .updateTable('reviewDecisions')
      .set({ ...fields, version: existing.version + 1 })
      .where('reviewId', '=', review.row.id)
      .where('indicatorCode', '=', code)
      .where('version', '=', existing.version)
      .executeTakeFirst()
    assertOneRowUpdated(res)
  } else {
    await trx
      .insertInto('reviewDecisions')
      .values({ ...fields, reviewId: review.row.id, indicatorCode: code, version: 1 })
      .execute()
  }
  await recordAudit(trx, ctx, {
    action: 'review.decisionRecorded',
    subjectType: 'reviewDecision',
    subjectId: `${review.row.id}/${code}`,
    before: existing ? { decision: existing.decision, mergeInto: existing.mergeInto } : undefined,
    after: { decision: body.decision, mergeInto, moveTo: fields.moveTo, newTitle, rationale: body.rationale },
  })
}

/** The decisions in Handbook order, and what they leave: how many indicators, how many in the core set, what is missing. */
export function decisionsOverview(version: LoadedVersion, decisions: Map<string, LoadedDecision>): DecisionsOverview {
  const byDecision = { keep: 0, merge: 0, drop: 0, reword: 0, move: 0 }
  let coreAfter = 0
  for (const ind of version.indicators) {
    const d = decisions.get(ind.code)
    if (d) byDecision[d.decision]++
    if (d && GONE.has(d.decision)) continue
    if (ind.core && d?.decision !== 'move') coreAfter++
  }
  const ordered = version.indicators.flatMap((i) => {
    const d = decisions.get(i.code)
    return d ? [d] : []
  })
  return {
    decisions: ordered,
    summary: {
      total: version.indicators.length,
      decided: ordered.length,
      missing: version.indicators.filter((i) => !decisions.has(i.code)).map((i) => i.code),
      byDecision,
      remaining: version.indicators.length - byDecision.drop - byDecision.merge,
      coreBefore: version.indicators.filter((i) => i.core).length,
      coreAfter,
    },
  }
}
