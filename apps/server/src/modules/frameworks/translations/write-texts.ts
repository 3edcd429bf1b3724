import { type FrameworkDoc, normalizeText } from '@thbm/shared'
import { toJson } from '../../../db/portable.ts'
import type { Trx } from '../../../db/transaction.ts'
import { assertOneRowUpdated, invalidState, notFound } from '../../../errors.ts'
import { nowIso } from '../../../ids.ts'
import { indicatorColumns } from '../framework-rows.ts'
import { type LoadedVersion, loadVersion, toFrameworkDoc, type VersionRow } from '../frameworks.queries.ts'
import { indexTexts, replaceText, type TextEntry } from './text-index.ts'

/** A version loaded for translation: its rows, an editable copy of its document and that copy's text index. */
export interface TranslationTarget {
  v: LoadedVersion
  doc: FrameworkDoc
  index: Map<string, TextEntry>
}

/**
 * Loads a version to translate. Drafts and published versions take translations (the base text of a published
 * version stays frozen: only other locales change); a retired version is 409.
 */
export async function loadTranslationTarget(trx: Trx, versionId: string): Promise<TranslationTarget> {
  const v = await loadVersion(trx, versionId)
  if (v.row.status === 'retired')
    throw invalidState(`Version ${v.row.label} is retired; its translations no longer change`, { status: 'retired' })
  // The loaded content of a published version may be the shared, frozen copy: translate a copy of it.
  const doc = structuredClone(toFrameworkDoc(v))
  return { v, doc, index: indexTexts(doc) }
}

/** Sets (or, with empty text, removes) one locale of a text; Serbian Latin follows Serbian Cyrillic. */
export function setTranslation(entry: TextEntry, locale: string, text: string): void {
  const next = { ...entry.text, [locale]: text }
  // A removed Cyrillic text takes the Latin text generated from it along.
  if (locale === 'sr-Cyrl' && !text.trim() && entry.text['sr-Cyrl']) delete next['sr-Latn']
  replaceText(entry.text, normalizeText(next))
}

/** The row version of an item (the framework item uses the version row's). */
export function itemVersion(v: LoadedVersion, key: string): number {
  if (key === 'framework') return v.row.version
  const [kind, code] = key.split(/:(.*)/s) as [string, string]
  const row = kind === 'area' ? v.areas.find((a) => a.code === code) : v.indicators.find((i) => i.code === code)
  if (!row || (kind !== 'area' && kind !== 'indicator')) throw notFound(`No item ${key} in this version`)
  return row.version
}

/** Strictly after the previous stamp, so two quick changes never share one (cached content is keyed by it). */
function nextStamp(previous: string): string {
  const now = nowIso()
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString()
}

/**
 * Writes the texts of the named items from the changed document: only text columns, each row's version bumped and
 * guarded by the version it was read at (409 when someone else wrote first). The version's updatedAt moves, so
 * every server reads a published version's content again.
 */
export async function writeItemTexts(trx: Trx, target: TranslationTarget, items: Iterable<string>): Promise<void> {
  const { v, doc } = target
  const now = nowIso()
  let bumpVersion = false
  for (const key of items) {
    if (key === 'framework') {
      await trx
        .updateTable('frameworks')
        .set({ name: toJson(doc.framework.name), updatedAt: now })
        .where('id', '=', v.framework.id)
        .execute()
      bumpVersion = true
    } else if (key.startsWith('area:')) {
      const area = v.areas.find((a) => `area:${a.code}` === key)
      const text = doc.areas.find((a) => `area:${a.code}` === key)
      if (!area || !text) throw notFound(`No item ${key} in this version`)
      const res = await trx
        .updateTable('frameworkAreas')
        .set({ title: toJson(text.title), description: toJson(text.description), version: area.version + 1 })
        .where('id', '=', area.id)
        .where('version', '=', area.version)
        .executeTakeFirst()
      assertOneRowUpdated(res)
    } else {
      const row = v.indicators.find((i) => `indicator:${i.code}` === key)
      const ind = doc.indicators.find((i) => `indicator:${i.code}` === key)
      if (!row || !ind) throw notFound(`No item ${key} in this version`)
      const { title, definition, guidance, unit, measurement, customDimensions } = indicatorColumns(ind)
      const res = await trx
        .updateTable('indicators')
        .set({ title, definition, guidance, unit, measurement, customDimensions, version: row.version + 1 })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .executeTakeFirst()
      assertOneRowUpdated(res)
    }
  }
  await touchVersion(trx, v.row, bumpVersion ? toJson(doc.version.notes) : null)
}

/** Moves the version's updatedAt; with notes, writes them and bumps the row version (guarded like any item). */
async function touchVersion(trx: Trx, row: VersionRow, notes: string | null): Promise<void> {
  const stamp = nextStamp(row.updatedAt)
  if (notes === null) {
    await trx.updateTable('frameworkVersions').set({ updatedAt: stamp }).where('id', '=', row.id).execute()
    return
  }
  const res = await trx
    .updateTable('frameworkVersions')
    .set({ updatedAt: stamp, notes, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
}
