import { checkFrameworkDoc, type FrameworkDoc, type Issue } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { indicatorColumns } from './framework-rows.ts'

/** Codes of a version's framework indicators. */
export async function versionCodes(trx: Trx, versionId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('indicators')
    .select('code')
    .where('versionId', '=', versionId)
    .where('adaptationId', 'is', null)
    .execute()
  return new Set(rows.map((r) => r.code))
}

/**
 * Writes a framework document as a new draft version (creating the framework on first import). Everything is
 * checked first; any problem throws 400 with every issue and its JSON path, and nothing is written.
 */
export async function importFrameworkDoc(
  trx: Trx,
  ctx: RequestContext,
  doc: FrameworkDoc,
  pathPrefix = '',
): Promise<string> {
  const at = (p: string) => (pathPrefix ? `${pathPrefix}.${p}` : p)
  const issues: Issue[] = []
  const framework = await trx
    .selectFrom('frameworks')
    .selectAll()
    .where('code', '=', doc.framework.code)
    .executeTakeFirst()
  if (framework && framework.baseLocale !== doc.framework.baseLocale) {
    issues.push({
      path: at('framework.baseLocale'),
      message: `Framework ${framework.code} is written in ${framework.baseLocale}`,
    })
  }
  let basedOnId: string | null = null
  let previousCodes: Set<string> | null = null
  if (framework) {
    const clash = await trx
      .selectFrom('frameworkVersions')
      .select('id')
      .where('frameworkId', '=', framework.id)
      .where('label', '=', doc.version.label)
      .executeTakeFirst()
    if (clash)
      issues.push({
        path: at('version.label'),
        message: `Version ${doc.version.label} exists already; choose another label`,
      })
  }
  if (doc.version.basedOn !== null) {
    const base = framework
      ? await trx
          .selectFrom('frameworkVersions')
          .select(['id', 'status'])
          .where('frameworkId', '=', framework.id)
          .where('label', '=', doc.version.basedOn)
          .executeTakeFirst()
      : undefined
    if (!base)
      issues.push({
        path: at('version.basedOn'),
        message: `There is no version ${doc.version.basedOn} of ${doc.framework.code} to build on`,
      })
    else {
      basedOnId = base.id
      previousCodes = await versionCodes(trx, base.id)
    }
  }
  const docIssues = checkFrameworkDoc(doc, doc.version.basedOn === null ? null : (previousCodes ?? new Set()))
  issues.push(...docIssues.map((i) => ({ ...i, path: at(i.path) })))
  if (issues.length)
    throw validationFailed(issues, `The framework has ${issues.length} problem(s); nothing was imported`)

  const now = nowIso()
  let frameworkId = framework?.id
  if (!frameworkId) {
    frameworkId = newId()
    await trx
      .insertInto('frameworks')
      .values({
        id: frameworkId,
        code: doc.framework.code,
        name: toJson(doc.framework.name),
        baseLocale: doc.framework.baseLocale,
        createdAt: now,
        updatedAt: now,
      })
      .execute()
    await recordAudit(trx, ctx, {
      action: 'framework.created',
      subjectType: 'framework',
      subjectId: frameworkId,
      after: { code: doc.framework.code },
    })
  }
  const versionId = newId()
  await trx
    .insertInto('frameworkVersions')
    .values({
      id: versionId,
      frameworkId,
      label: doc.version.label,
      status: 'draft',
      basedOnId,
      notes: toJson(doc.version.notes),
      createdBy: ctx.actor?.id ?? null,
      publishedAt: null,
      publishedBy: null,
      retiredAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute()
  await insertContent(trx, versionId, doc)
  await recordAudit(trx, ctx, {
    action: 'frameworkVersion.imported',
    subjectType: 'frameworkVersion',
    subjectId: versionId,
    after: {
      framework: doc.framework.code,
      label: doc.version.label,
      basedOn: doc.version.basedOn,
      areas: doc.areas.length,
      indicators: doc.indicators.length,
    },
  })
  return versionId
}

/** Inserts a document's areas and indicators into a version, keeping their order. */
export async function insertContent(
  trx: Trx,
  versionId: string,
  doc: Pick<FrameworkDoc, 'areas' | 'indicators'>,
): Promise<void> {
  const areaIds = new Map<string, string>()
  const areaRows = doc.areas.map((a, i) => {
    const id = newId()
    areaIds.set(a.code, id)
    return {
      id,
      versionId,
      code: a.code,
      position: i,
      title: toJson(a.title),
      description: toJson(a.description),
      version: 1,
    }
  })
  if (areaRows.length) await trx.insertInto('frameworkAreas').values(areaRows).execute()
  const positions = new Map<string, number>()
  const indicatorRows = doc.indicators.map((ind) => {
    const position = positions.get(ind.area) ?? 0
    positions.set(ind.area, position + 1)
    return {
      id: newId(),
      versionId,
      areaId: areaIds.get(ind.area) as string,
      adaptationId: null,
      position,
      version: 1,
      ...indicatorColumns(ind),
    }
  })
  for (let i = 0; i < indicatorRows.length; i += 200)
    await trx
      .insertInto('indicators')
      .values(indicatorRows.slice(i, i + 200))
      .execute()
}
