import { type AreaDoc, type LocalizedText, normalizeText } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { newId } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { assertDraft, getVersionRowOrThrow } from './frameworks.queries.ts'

async function getArea(trx: Trx, versionId: string, code: string) {
  const area = await trx
    .selectFrom('frameworkAreas')
    .selectAll()
    .where('versionId', '=', versionId)
    .where('code', '=', code)
    .executeTakeFirst()
  if (!area) throw notFound(`Area ${code} is not in this version`)
  return area
}

/** Adds an area at the end of a draft. */
export async function createArea(trx: Trx, ctx: RequestContext, versionId: string, body: AreaDoc): Promise<void> {
  assertDraft(await getVersionRowOrThrow(trx, versionId))
  const areas = await trx.selectFrom('frameworkAreas').select(['code']).where('versionId', '=', versionId).execute()
  if (areas.some((a) => a.code === body.code))
    throw validationFailed([{ path: 'body.code', message: `Area ${body.code} exists already` }])
  const id = newId()
  await trx
    .insertInto('frameworkAreas')
    .values({
      id,
      versionId,
      code: body.code,
      position: areas.length,
      title: toJson(normalizeText(body.title)),
      description: toJson(normalizeText(body.description)),
      version: 1,
    })
    .execute()
  await recordAudit(trx, ctx, {
    action: 'area.created',
    subjectType: 'area',
    subjectId: id,
    after: { code: body.code },
  })
}

/** Edits an area's title or description (version-checked). */
export async function updateArea(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  code: string,
  body: { version: number; title?: LocalizedText; description?: LocalizedText },
): Promise<void> {
  assertDraft(await getVersionRowOrThrow(trx, versionId))
  const area = await getArea(trx, versionId, code)
  assertVersion(area.version, body.version)
  const res = await trx
    .updateTable('frameworkAreas')
    .set({
      ...(body.title ? { title: toJson(normalizeText(body.title)) } : {}),
      ...(body.description ? { description: toJson(normalizeText(body.description)) } : {}),
      version: area.version + 1,
    })
    .where('id', '=', area.id)
    .where('version', '=', body.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, ctx, { action: 'area.updated', subjectType: 'area', subjectId: area.id, after: { code } })
}

/** Removes an empty area from a draft. */
export async function deleteArea(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  code: string,
  expectedVersion: number,
): Promise<void> {
  assertDraft(await getVersionRowOrThrow(trx, versionId))
  const area = await getArea(trx, versionId, code)
  assertVersion(area.version, expectedVersion)
  const used = await trx.selectFrom('indicators').select('id').where('areaId', '=', area.id).executeTakeFirst()
  if (used) throw invalidState(`Area ${code} still has indicators; move or remove them first`)
  await trx.deleteFrom('frameworkAreas').where('id', '=', area.id).execute()
  await recordAudit(trx, ctx, { action: 'area.deleted', subjectType: 'area', subjectId: area.id, before: { code } })
}
