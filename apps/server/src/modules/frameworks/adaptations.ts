import {
  type Adaptation,
  type AdaptationItem,
  type IndicatorDoc,
  type Issue,
  type LocalizedText,
  normalizeTexts,
  type UpdateAdaptationBody,
} from '@thbm/shared'
import type { Actor, RequestContext } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { fromBool, parseJson, toBool, toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { abilitiesFor } from '../../policies.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { indicatorColumns, indicatorToDoc } from './framework-rows.ts'
import { type LoadedVersion, loadVersion } from './frameworks.queries.ts'

/** A country's adaptation of a published version: excluded indicators, national notes and extra indicators. */
export async function loadAdaptation(
  db: Database | Trx,
  versionId: string,
  countryCode: string,
): Promise<Omit<Adaptation, 'abilities'>> {
  await assertCountryExists(db, countryCode)
  const v = await loadVersion(db, versionId)
  const row = await db
    .selectFrom('adaptations')
    .selectAll()
    .where('versionId', '=', versionId)
    .where('countryCode', '=', countryCode)
    .executeTakeFirst()
  const items = row
    ? await db.selectFrom('adaptationItems').selectAll().where('adaptationId', '=', row.id).execute()
    : []
  const extras = row
    ? await db.selectFrom('indicators').selectAll().where('adaptationId', '=', row.id).orderBy('position').execute()
    : []
  const areaCode = new Map(v.areas.map((a) => [a.id, a.code]))
  return {
    versionId,
    countryCode,
    notes: parseJson<LocalizedText>(row?.notes, {}),
    version: row?.version ?? 0,
    items: items.map((i) => ({
      code: i.indicatorCode,
      excluded: toBool(i.excluded),
      nationalNote: parseJson<LocalizedText>(i.nationalNote, {}),
      nationalLegalReferences: parseJson(i.nationalLegalReferences, []),
      nationalSources: parseJson(i.nationalSources, []),
    })),
    extraIndicators: extras.map((r) => ({
      ...indicatorToDoc(r, areaCode.get(r.areaId) ?? ''),
      id: r.id,
      version: r.version,
    })),
  }
}

/** The adaptation with what the actor may do with it. */
export async function getAdaptation(
  db: Database | Trx,
  actor: Actor,
  versionId: string,
  countryCode: string,
): Promise<Adaptation> {
  return {
    ...(await loadAdaptation(db, versionId, countryCode)),
    abilities: abilitiesFor(actor, ['adaptation.edit'], { countryCode }),
  }
}

async function assertCountryExists(db: Database | Trx, code: string): Promise<void> {
  const row = await db.selectFrom('countries').select('code').where('code', '=', code).executeTakeFirst()
  if (!row) throw notFound('Country not found')
}

function checkAdaptation(v: LoadedVersion, body: UpdateAdaptationBody): Issue[] {
  const issues: Issue[] = []
  const byCode = new Map(v.indicators.map((i) => [i.code, i]))
  const seen = new Set<string>()
  body.items.forEach((item, i) => {
    const ind = byCode.get(item.code)
    if (!ind) issues.push({ path: `body.items[${i}].code`, message: `${item.code} is not in version ${v.row.label}` })
    else if (item.excluded && ind.core)
      issues.push({
        path: `body.items[${i}].excluded`,
        message: `${item.code} is a core indicator and cannot be excluded`,
      })
    if (seen.has(item.code)) issues.push({ path: `body.items[${i}].code`, message: `${item.code} is listed twice` })
    seen.add(item.code)
  })
  const extraCodes = new Set<string>()
  body.extraIndicators.forEach((ind, i) => {
    if (byCode.has(ind.code) || extraCodes.has(ind.code))
      issues.push({ path: `body.extraIndicators[${i}].code`, message: `Code ${ind.code} is used already` })
    extraCodes.add(ind.code)
    if (!v.areas.some((a) => a.code === ind.area))
      issues.push({ path: `body.extraIndicators[${i}].area`, message: `Unknown area ${ind.area}` })
  })
  return issues
}

/** Replaces a country's adaptation of a published version (version-checked; 0 creates it). */
export async function updateAdaptation(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  countryCode: string,
  body: UpdateAdaptationBody,
): Promise<void> {
  await assertCountryExists(trx, countryCode)
  const v = await loadVersion(trx, versionId)
  if (v.row.status !== 'published') throw invalidState('A country adapts a published version', { status: v.row.status })
  const issues = checkAdaptation(v, body)
  if (issues.length) throw validationFailed(issues)
  const existing = await trx
    .selectFrom('adaptations')
    .selectAll()
    .where('versionId', '=', versionId)
    .where('countryCode', '=', countryCode)
    .executeTakeFirst()
  assertVersion(existing?.version ?? 0, body.version)
  const now = nowIso()
  const id = existing?.id ?? newId()
  const notes = toJson(normalizeTexts(body.notes))
  if (existing) {
    const res = await trx
      .updateTable('adaptations')
      .set({ notes, updatedAt: now, version: existing.version + 1 })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst()
    assertOneRowUpdated(res)
    await trx.deleteFrom('adaptationItems').where('adaptationId', '=', id).execute()
    await trx.deleteFrom('indicators').where('adaptationId', '=', id).execute()
  } else {
    await trx
      .insertInto('adaptations')
      .values({ id, versionId, countryCode, notes, createdAt: now, updatedAt: now, version: 1 })
      .execute()
  }
  const items = body.items.map((item: AdaptationItem) => normalizeTexts(item))
  if (items.length) {
    await trx
      .insertInto('adaptationItems')
      .values(
        items.map((item) => ({
          adaptationId: id,
          indicatorCode: item.code,
          excluded: fromBool(item.excluded),
          nationalNote: toJson(item.nationalNote),
          nationalLegalReferences: toJson(item.nationalLegalReferences),
          nationalSources: toJson(item.nationalSources),
        })),
      )
      .execute()
  }
  const areaIds = new Map(v.areas.map((a) => [a.code, a.id]))
  for (const [position, extra] of body.extraIndicators.entries()) {
    const doc: IndicatorDoc = normalizeTexts({ ...extra, lineage: { type: 'new', from: [] } })
    await trx
      .insertInto('indicators')
      .values({
        id: newId(),
        versionId,
        areaId: areaIds.get(doc.area) as string,
        adaptationId: id,
        position,
        version: 1,
        ...indicatorColumns(doc),
      })
      .execute()
  }
  await recordAudit(trx, ctx, {
    action: 'adaptation.updated',
    subjectType: 'adaptation',
    subjectId: id,
    countryCode,
    after: {
      version: v.row.label,
      excluded: items.filter((i) => i.excluded).map((i) => i.code),
      extras: body.extraIndicators.map((e) => e.code),
    },
  })
}
