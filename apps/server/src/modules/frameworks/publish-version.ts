import { checkFrameworkDoc } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { changedFields } from './framework-rows.ts'
import { assertDraft, loadVersion, toFrameworkDoc } from './frameworks.queries.ts'

/**
 * Publishes a draft: checks it whole (409 with every problem), marks indicators whose content changed as
 * "reworded", records the earlier codes that nothing continues as retired, and freezes the version.
 */
export async function publishVersion(trx: Trx, ctx: RequestContext, versionId: string, expectedVersion: number) {
  const draft = await loadVersion(trx, versionId)
  assertDraft(draft.row)
  assertVersion(draft.row.version, expectedVersion)
  const previous = draft.row.basedOnId ? await loadVersion(trx, draft.row.basedOnId) : null
  const previousCodes = previous ? new Set(previous.indicators.map((i) => i.code)) : null
  const issues = checkFrameworkDoc(toFrameworkDoc(draft), previousCodes)
  if (issues.length)
    throw invalidState(`The draft has ${issues.length} problem(s) to fix before publishing`, { issues })

  const before = new Map(previous?.indicators.map((i) => [i.code, i]) ?? [])
  for (const ind of draft.indicators) {
    const old = ind.lineage.type === 'unchanged' ? before.get(ind.code) : undefined
    if (old && changedFields(old, ind).length > 0) {
      await trx.updateTable('indicators').set({ lineageType: 'reworded' }).where('id', '=', ind.id).execute()
    }
  }
  const continued = new Set(draft.indicators.flatMap((i) => i.lineage.from))
  const retired = previous ? previous.indicators.filter((i) => !continued.has(i.code)) : []
  if (retired.length) {
    await trx
      .insertInto('versionRetirements')
      .values(retired.map((i) => ({ versionId, code: i.code, note: toJson({}) })))
      .execute()
  }
  const now = nowIso()
  const res = await trx
    .updateTable('frameworkVersions')
    .set({
      status: 'published',
      publishedAt: now,
      publishedBy: ctx.actor?.id ?? null,
      updatedAt: now,
      version: draft.row.version + 1,
    })
    .where('id', '=', versionId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, ctx, {
    action: 'frameworkVersion.published',
    subjectType: 'frameworkVersion',
    subjectId: versionId,
    before: { status: 'draft' },
    after: {
      status: 'published',
      label: draft.row.label,
      indicators: draft.indicators.length,
      retired: retired.map((i) => i.code),
    },
  })
}
