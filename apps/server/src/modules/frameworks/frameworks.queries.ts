import {
  type Area,
  CONTENT_LOCALES,
  FRAMEWORK_SCHEMA,
  FRAMEWORK_SCHEMA_VERSION,
  type FrameworkDoc,
  type Indicator,
  isLocalizedText,
  type LocalizedText,
  type VersionStatus,
} from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import { invalidState, notFound } from '../../errors.ts'
import { areaToDoc, indicatorToDoc } from './framework-rows.ts'

type Db = Database | Trx
export type VersionRow = DB['frameworkVersions']
export type FrameworkRow = DB['frameworks']

export interface LoadedVersion {
  row: VersionRow
  framework: FrameworkRow
  basedOn: { id: string; label: string } | null
  areas: Area[]
  indicators: Indicator[]
}

export async function getVersionRowOrThrow(db: Db, id: string): Promise<VersionRow> {
  const row = await db.selectFrom('frameworkVersions').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Framework version not found')
  return row
}

/**
 * Throws 409 unless the version is a draft: a published or retired version's content never changes (translations/
 * may still add other languages to a published one, decision 0011).
 */
export function assertDraft(row: VersionRow): void {
  if (row.status !== 'draft')
    throw invalidState(`Version ${row.label} is ${row.status} and cannot be changed; make a new draft from it`, {
      status: row.status,
    })
}

/** A version with its areas and framework indicators (not countries' extra indicators), in order. */
export async function loadVersion(db: Db, id: string): Promise<LoadedVersion> {
  const row = await getVersionRowOrThrow(db, id)
  const framework = await db
    .selectFrom('frameworks')
    .selectAll()
    .where('id', '=', row.frameworkId)
    .executeTakeFirstOrThrow()
  const basedOn = row.basedOnId
    ? ((await db
        .selectFrom('frameworkVersions')
        .select(['id', 'label'])
        .where('id', '=', row.basedOnId)
        .executeTakeFirst()) ?? null)
    : null
  const frozen = row.status !== 'draft'
  const kept = frozen ? frozenContent.get(id) : undefined
  let content = kept?.stamp === row.updatedAt ? kept.content : undefined
  if (!content) {
    content = await loadContent(db, id)
    // Read outside a transaction, a published or retired version's content is committed and changes only by a
    // translation, which moves the version's updatedAt: it is kept under that stamp (deeply frozen, so no caller
    // can change it for the next one) and shared.
    if (frozen && !db.isTransaction) {
      frozenContent.delete(id)
      frozenContent.set(id, { stamp: row.updatedAt, content: deepFreeze(content) })
      if (frozenContent.size > FROZEN_VERSIONS) frozenContent.delete(frozenContent.keys().next().value as string)
    }
  }
  return { row, framework, basedOn, areas: [...content.areas], indicators: [...content.indicators] }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/**
 * Areas and indicators of published and retired versions, per process, with the version's updatedAt when read: their
 * content changes only by translation (translations/), which moves updatedAt (see assertDraft).
 */
const frozenContent = new Map<string, { stamp: string; content: Pick<LoadedVersion, 'areas' | 'indicators'> }>()
const FROZEN_VERSIONS = 32

async function loadContent(db: Db, id: string): Promise<Pick<LoadedVersion, 'areas' | 'indicators'>> {
  const areaRows = await db
    .selectFrom('frameworkAreas')
    .selectAll()
    .where('versionId', '=', id)
    .orderBy('position')
    .execute()
  const areaCode = new Map(areaRows.map((a) => [a.id, a.code]))
  const areaOrder = new Map(areaRows.map((a) => [a.id, a.position]))
  const indicatorRows = await db
    .selectFrom('indicators')
    .selectAll()
    .where('versionId', '=', id)
    .where('adaptationId', 'is', null)
    .execute()
  indicatorRows.sort(
    (a, b) =>
      (areaOrder.get(a.areaId) ?? 0) - (areaOrder.get(b.areaId) ?? 0) ||
      a.position - b.position ||
      a.code.localeCompare(b.code),
  )
  return {
    areas: areaRows.map((a) => ({ ...areaToDoc(a), id: a.id, version: a.version })),
    indicators: indicatorRows.map((r) => ({
      ...indicatorToDoc(r, areaCode.get(r.areaId) ?? ''),
      id: r.id,
      version: r.version,
    })),
  }
}

/** The version as the import/export document (no ids), keys in schema order. */
export function toFrameworkDoc(v: LoadedVersion): FrameworkDoc {
  return {
    schema: FRAMEWORK_SCHEMA,
    schemaVersion: FRAMEWORK_SCHEMA_VERSION,
    framework: {
      code: v.framework.code,
      name: parseJson<LocalizedText>(v.framework.name, {}),
      baseLocale: v.framework.baseLocale as FrameworkDoc['framework']['baseLocale'],
    },
    version: {
      label: v.row.label,
      basedOn: v.basedOn?.label ?? null,
      notes: parseJson<LocalizedText>(v.row.notes, {}),
    },
    areas: v.areas.map(({ code, title, description }) => ({ code, title, description })),
    indicators: v.indicators.map(({ id: _id, version: _v, ...doc }) => doc),
  }
}

/** Every framework with its versions, newest first. */
export async function listFrameworks(db: Db) {
  const frameworks = await db.selectFrom('frameworks').selectAll().orderBy('code').execute()
  const versions = await db
    .selectFrom('frameworkVersions')
    .leftJoin('indicators', (join) =>
      join.onRef('indicators.versionId', '=', 'frameworkVersions.id').on('indicators.adaptationId', 'is', null),
    )
    .select((eb) => [
      'frameworkVersions.id',
      'frameworkVersions.frameworkId',
      'frameworkVersions.label',
      'frameworkVersions.status',
      'frameworkVersions.basedOnId',
      'frameworkVersions.publishedAt',
      'frameworkVersions.createdAt',
      eb.fn.count<number>('indicators.id').as('indicatorCount'),
    ])
    .groupBy([
      'frameworkVersions.id',
      'frameworkVersions.frameworkId',
      'frameworkVersions.label',
      'frameworkVersions.status',
      'frameworkVersions.basedOnId',
      'frameworkVersions.publishedAt',
      'frameworkVersions.createdAt',
    ])
    .orderBy('frameworkVersions.createdAt', 'desc')
    .execute()
  return frameworks.map((f) => ({
    framework: f,
    versions: versions
      .filter((v) => v.frameworkId === f.id)
      .map((v) => ({
        id: v.id,
        label: v.label,
        status: v.status as VersionStatus,
        basedOnId: v.basedOnId,
        publishedAt: v.publishedAt,
        indicatorCount: Number(v.indicatorCount),
      })),
  }))
}

/** Counts texts per content locale that exist in the base locale, and how many of them lack a translation. */
export function countTranslations(v: LoadedVersion): Record<string, { total: number; missing: number }> {
  const base = v.framework.baseLocale
  const texts: LocalizedText[] = []
  const collect = (value: unknown): void => {
    if (isLocalizedText(value)) texts.push(value)
    else if (Array.isArray(value)) for (const item of value) collect(item)
    else if (value && typeof value === 'object') for (const item of Object.values(value)) collect(item)
  }
  collect(v.areas.map(({ title, description }) => ({ title, description })))
  collect(v.indicators.map(({ legalReferences: _l, ...rest }) => rest))
  const withBase = texts.filter((t) => t[base as keyof LocalizedText])
  return Object.fromEntries(
    CONTENT_LOCALES.map((l) => [l, { total: withBase.length, missing: withBase.filter((t) => !t[l]).length }]),
  )
}
