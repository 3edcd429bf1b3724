import type { LocalizedText, Topic } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, invalidState } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { createDraft } from '../frameworks/create-draft.ts'
import { deleteIndicator, mergeIndicators, updateIndicator } from '../frameworks/edit-indicators.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import { decisionConflicts } from './decisions.ts'
import { type LoadedReview, loadDecisions } from './reviews.queries.ts'

/**
 * Makes the next Handbook version from the decisions, through the Handbook's own commands so that lineage and
 * audit are recorded as for hand edits: a draft of the reviewed version, then rewordings and moves (out of the core
 * set, into the thematic module), then merges (into the surviving indicator), then drops. 409 while the review is
 * open, a decision is missing (listing the codes) or decisions conflict.
 */
export async function generateDraft(
  trx: Trx,
  ctx: RequestContext,
  review: LoadedReview,
  label: string,
): Promise<{ versionId: string; basedOnId: string }> {
  if (review.status !== 'closed')
    throw invalidState('Close the review before making the next version', { status: review.status })
  if (review.row.generatedVersionId)
    throw invalidState('The next version was made from this review already', {
      versionId: review.row.generatedVersionId,
    })
  const source = await loadVersion(trx, review.row.frameworkVersionId)
  const decisions = await loadDecisions(trx, review.row.id)
  const missing = source.indicators.map((i) => i.code).filter((code) => !decisions.has(code))
  if (missing.length)
    throw invalidState(`Decide on every indicator first; ${missing.length} without a decision: ${missing.join(', ')}`, {
      missing,
    })
  const conflicts = decisionConflicts(decisions)
  if (conflicts.length) throw invalidState(conflicts.map((c) => c.message).join('; '), { conflicts })

  const versionId = await createDraft(trx, ctx, source.row.id, label)
  // Every indicator of a fresh draft is at version 1; an edit makes it 2, a merge inserts the survivor anew (1).
  const versions = new Map(source.indicators.map((i) => [i.code, 1]))
  const titles = new Map<string, LocalizedText>(source.indicators.map((i) => [i.code, i.title]))
  const list = source.indicators.flatMap((ind) => {
    const d = decisions.get(ind.code)
    return d ? [{ ind, d }] : []
  })
  for (const { ind, d } of list) {
    if (d.decision === 'reword' && d.newTitle) {
      await updateIndicator(trx, ctx, versionId, ind.code, { version: 1, title: d.newTitle })
      titles.set(ind.code, d.newTitle)
    } else if (d.decision === 'move' && d.moveTo) {
      const topics: Topic[] = [d.moveTo, ...ind.topics.filter((t) => t !== d.moveTo)]
      await updateIndicator(trx, ctx, versionId, ind.code, { version: 1, core: false, topics })
    } else continue
    versions.set(ind.code, 2)
  }
  const mergedInto = new Map<string, string[]>()
  for (const { ind, d } of list)
    if (d.decision === 'merge' && d.mergeInto)
      mergedInto.set(d.mergeInto, [...(mergedInto.get(d.mergeInto) ?? []), ind.code])
  for (const [target, codes] of mergedInto) {
    await mergeIndicators(trx, ctx, versionId, {
      codes: [target, ...codes],
      into: { code: target, title: titles.get(target) ?? {} },
    })
    versions.set(target, 1)
  }
  const dropped = list.filter(({ d }) => d.decision === 'drop').map(({ ind }) => ind.code)
  for (const code of dropped) await deleteIndicator(trx, ctx, versionId, code, versions.get(code) ?? 1)

  const res = await trx
    .updateTable('reviews')
    .set({ generatedVersionId: versionId, updatedAt: nowIso(), version: review.row.version + 1 })
    .where('id', '=', review.row.id)
    .where('version', '=', review.row.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, ctx, {
    action: 'review.draftGenerated',
    subjectType: 'review',
    subjectId: review.row.id,
    after: {
      versionId,
      label,
      basedOn: source.row.label,
      merged: [...mergedInto].map(([into, from]) => ({ into, from })),
      dropped,
    },
  })
  return { versionId, basedOnId: source.row.id }
}
