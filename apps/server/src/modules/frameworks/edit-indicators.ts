import {
  type CreateIndicatorBody,
  type IndicatorDoc,
  type Issue,
  type Lineage,
  type LocalizedText,
  normalizeTexts,
  type UpdateIndicatorBody,
} from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, notFound, validationFailed } from '../../errors.ts'
import { newId } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { changedFields, indicatorColumns } from './framework-rows.ts'
import { assertDraft, type LoadedVersion, loadVersion } from './frameworks.queries.ts'

type Loaded = LoadedVersion['indicators'][number]

async function loadDraft(trx: Trx, versionId: string): Promise<LoadedVersion> {
  const v = await loadVersion(trx, versionId)
  assertDraft(v.row)
  return v
}

function findIndicator(v: LoadedVersion, code: string): Loaded {
  const ind = v.indicators.find((i) => i.code === code)
  if (!ind) throw notFound(`Indicator ${code} is not in this version`)
  return ind
}

function checkPlacement(v: LoadedVersion, doc: IndicatorDoc, ignoreCodes: string[], path = 'body'): void {
  const issues: Issue[] = []
  if (v.indicators.some((i) => i.code === doc.code && !ignoreCodes.includes(i.code)))
    issues.push({ path: `${path}.code`, message: `Code ${doc.code} is used already` })
  if (!v.areas.some((a) => a.code === doc.area))
    issues.push({ path: `${path}.area`, message: `Unknown area ${doc.area}` })
  if (doc.redFlag && doc.measurement.type !== 'rubric' && doc.measurement.type !== 'yes_partial_no') {
    issues.push({ path: `${path}.redFlag`, message: 'A red-flag indicator needs a rubric or yes/partial/no scale' })
  }
  if (issues.length) throw validationFailed(issues)
}

function areaId(v: LoadedVersion, code: string): string {
  return v.areas.find((a) => a.code === code)?.id as string
}

function nextPosition(v: LoadedVersion, area: string): number {
  return v.indicators.filter((i) => i.area === area).length
}

/** Lineage after an edit: a new code makes it "renamed", changed content makes "unchanged" into "reworded". */
export function lineageAfterEdit(before: Loaded, after: IndicatorDoc): Lineage {
  const { type, from } = before.lineage
  if (type !== 'unchanged' && type !== 'reworded' && type !== 'renamed') return before.lineage
  const original = from[0] as string
  if (after.code !== original) return { type: 'renamed', from }
  const contentChanged = type !== 'unchanged' || changedFields(before, after).length > 0
  return { type: contentChanged ? 'reworded' : 'unchanged', from }
}

async function insertIndicator(trx: Trx, v: LoadedVersion, doc: IndicatorDoc, position: number): Promise<string> {
  const id = newId()
  await trx
    .insertInto('indicators')
    .values({
      id,
      versionId: v.row.id,
      areaId: areaId(v, doc.area),
      adaptationId: null,
      position,
      version: 1,
      ...indicatorColumns(doc),
    })
    .execute()
  return id
}

/** Adds a new indicator to a draft. */
export async function createIndicator(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  body: CreateIndicatorBody,
): Promise<void> {
  const v = await loadDraft(trx, versionId)
  const doc: IndicatorDoc = normalizeTexts({ ...body, lineage: { type: 'new', from: [] } })
  checkPlacement(v, doc, [])
  const id = await insertIndicator(trx, v, doc, nextPosition(v, doc.area))
  await recordAudit(trx, ctx, {
    action: 'indicator.created',
    subjectType: 'indicator',
    subjectId: id,
    after: { version: v.row.label, code: doc.code },
  })
}

/** Edits an indicator of a draft (version-checked); lineage follows the edit. */
export async function updateIndicator(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  code: string,
  body: UpdateIndicatorBody,
): Promise<void> {
  const v = await loadDraft(trx, versionId)
  const current = findIndicator(v, code)
  assertVersion(current.version, body.version)
  const { version: _v, ...changes } = body
  const { id: _id, version: _rowVersion, ...currentDoc } = current
  const merged = normalizeTexts({ ...currentDoc, ...changes }) as IndicatorDoc
  checkPlacement(v, merged, [code])
  const doc: IndicatorDoc = { ...merged, lineage: lineageAfterEdit(current, merged) }
  const moved = doc.area !== current.area
  const res = await trx
    .updateTable('indicators')
    .set({
      ...indicatorColumns(doc),
      ...(moved ? { areaId: areaId(v, doc.area), position: nextPosition(v, doc.area) } : {}),
      version: current.version + 1,
    })
    .where('id', '=', current.id)
    .where('version', '=', body.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, ctx, {
    action: 'indicator.updated',
    subjectType: 'indicator',
    subjectId: current.id,
    before: { code, fields: changedFields(currentDoc, doc) },
    after: { code: doc.code, lineage: doc.lineage },
  })
}

/** Removes an indicator from a draft; at publication the earlier code it continued is recorded as retired. */
export async function deleteIndicator(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  code: string,
  expectedVersion: number,
): Promise<void> {
  const v = await loadDraft(trx, versionId)
  const current = findIndicator(v, code)
  assertVersion(current.version, expectedVersion)
  await trx.deleteFrom('indicators').where('id', '=', current.id).execute()
  await recordAudit(trx, ctx, {
    action: 'indicator.deleted',
    subjectType: 'indicator',
    subjectId: current.id,
    before: { version: v.row.label, code, lineage: current.lineage },
  })
}

function lineageFromSources(from: string[], code: string): Lineage {
  const unique = [...new Set(from)]
  if (unique.length >= 2) return { type: 'merged', from: unique }
  if (unique.length === 1) return { type: unique[0] === code ? 'reworded' : 'renamed', from: unique }
  return { type: 'new', from: [] }
}

/** Merges indicators of a draft into one (a copy of the first, with the new code and title). */
export async function mergeIndicators(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  body: { codes: string[]; into: { code: string; title: LocalizedText } },
) {
  const v = await loadDraft(trx, versionId)
  const parts = body.codes.map((c) => findIndicator(v, c))
  const first = parts[0] as Loaded
  const { id: _id, version: _v, ...base } = first
  const doc: IndicatorDoc = normalizeTexts({
    ...base,
    code: body.into.code,
    title: body.into.title,
    lineage: lineageFromSources(
      parts.flatMap((p) => p.lineage.from),
      body.into.code,
    ),
  })
  checkPlacement(v, doc, body.codes, 'body.into')
  for (const p of parts) await trx.deleteFrom('indicators').where('id', '=', p.id).execute()
  const id = await insertIndicator(trx, v, doc, v.indicators.filter((i) => i.area === first.area).indexOf(first))
  await recordAudit(trx, ctx, {
    action: 'indicator.merged',
    subjectType: 'indicator',
    subjectId: id,
    before: { codes: body.codes },
    after: { code: doc.code, lineage: doc.lineage },
  })
}

/** Splits an indicator of a draft into several (copies with new codes and titles). */
export async function splitIndicator(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  code: string,
  into: { code: string; title: LocalizedText }[],
) {
  const v = await loadDraft(trx, versionId)
  const source = findIndicator(v, code)
  const { id: _id, version: _v, ...base } = source
  const codes = into.map((p) => p.code)
  if (new Set(codes).size !== codes.length)
    throw validationFailed([{ path: 'body.into', message: 'The parts need different codes' }])
  const lineage: Lineage =
    source.lineage.from.length === 1 ? { type: 'split', from: source.lineage.from } : { type: 'new', from: [] }
  const docs = into.map((p, i) => {
    const doc: IndicatorDoc = normalizeTexts({ ...base, code: p.code, title: p.title, lineage })
    checkPlacement(v, doc, [code], `body.into[${i}]`)
    return doc
  })
  await trx.deleteFrom('indicators').where('id', '=', source.id).execute()
  let position = nextPosition(v, source.area)
  for (const doc of docs) await insertIndicator(trx, v, doc, position++)
  await recordAudit(trx, ctx, {
    action: 'indicator.split',
    subjectType: 'indicator',
    subjectId: source.id,
    before: { code },
    after: { codes, lineage },
  })
}
