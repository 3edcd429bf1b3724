import type { LocalizedText } from '@thbm/shared'
import { normalizeText } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { parseJson, toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, validationFailed } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { assertDraft, getVersionRowOrThrow } from './frameworks.queries.ts'

/** Renames a draft or edits its notes (version-checked). */
export async function updateDraft(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  body: { version: number; label?: string; notes?: LocalizedText },
) {
  const row = await getVersionRowOrThrow(trx, versionId)
  assertDraft(row)
  assertVersion(row.version, body.version)
  const label = body.label ?? row.label
  if (label !== row.label) {
    const clash = await trx
      .selectFrom('frameworkVersions')
      .select('id')
      .where('frameworkId', '=', row.frameworkId)
      .where('label', '=', label)
      .executeTakeFirst()
    if (clash) throw validationFailed([{ path: 'body.label', message: `Version ${label} exists already` }])
  }
  const notes = body.notes ? normalizeText(body.notes) : parseJson<LocalizedText>(row.notes, {})
  const res = await trx
    .updateTable('frameworkVersions')
    .set({ label, notes: toJson(notes), updatedAt: nowIso(), version: row.version + 1 })
    .where('id', '=', versionId)
    .where('version', '=', body.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, ctx, {
    action: 'frameworkVersion.updated',
    subjectType: 'frameworkVersion',
    subjectId: versionId,
    before: { label: row.label },
    after: { label },
  })
}

/** Retires a published version: it stays readable (rounds pinned to it keep working) but new rounds cannot use it. */
export async function retireVersion(trx: Trx, ctx: RequestContext, versionId: string, expectedVersion: number) {
  const row = await getVersionRowOrThrow(trx, versionId)
  if (row.status !== 'published') throw invalidState('Only a published version can be retired', { status: row.status })
  assertVersion(row.version, expectedVersion)
  const now = nowIso()
  const res = await trx
    .updateTable('frameworkVersions')
    .set({ status: 'retired', retiredAt: now, updatedAt: now, version: row.version + 1 })
    .where('id', '=', versionId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, ctx, {
    action: 'frameworkVersion.retired',
    subjectType: 'frameworkVersion',
    subjectId: versionId,
    before: { status: 'published' },
    after: { status: 'retired' },
  })
}

/** Discards a draft and everything in it. */
export async function deleteDraft(trx: Trx, ctx: RequestContext, versionId: string, expectedVersion: number) {
  const row = await getVersionRowOrThrow(trx, versionId)
  assertDraft(row)
  assertVersion(row.version, expectedVersion)
  await trx.deleteFrom('indicators').where('versionId', '=', versionId).execute()
  await trx.deleteFrom('frameworkAreas').where('versionId', '=', versionId).execute()
  await trx.deleteFrom('frameworkVersions').where('id', '=', versionId).execute()
  await recordAudit(trx, ctx, {
    action: 'frameworkVersion.deleted',
    subjectType: 'frameworkVersion',
    subjectId: versionId,
    before: { label: row.label },
  })
}
