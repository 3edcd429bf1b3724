import fs from 'node:fs'
import path from 'node:path'
import { type FrameworkDoc, normalizeTexts, TRANSLATABLE_LOCALES, type TranslatableLocale } from '@thbm/shared'
import { REPO_ROOT } from '../config.ts'
import type { Database } from '../db/database.ts'
import { withTransaction } from '../db/transaction.ts'
import { importFrameworkDoc } from '../modules/frameworks/import-framework.ts'
import { publishVersion } from '../modules/frameworks/publish-version.ts'
import { readFrameworkJson } from '../modules/frameworks/read-upload.ts'
import { indexTexts } from '../modules/frameworks/translations/text-index.ts'

/** The default Handbook shipped with the tool, in the JSON import format. */
export const DEFAULT_HANDBOOK_FILE = path.join(REPO_ROOT, 'apps/server/seed-data/default-handbook.json')

/** Translations of the default Handbook: `<locale>.json`, an object of text address → text (see text-index.ts). */
export const HANDBOOK_TRANSLATIONS_DIR = path.join(REPO_ROOT, 'apps/server/seed-data/handbook-translations')

/** The translation files present, by locale (every translatable locale but the base; a missing file is skipped). */
export function readHandbookTranslations(
  baseLocale: string,
  dir = HANDBOOK_TRANSLATIONS_DIR,
): Map<TranslatableLocale, Record<string, string>> {
  const files = new Map<TranslatableLocale, Record<string, string>>()
  for (const locale of TRANSLATABLE_LOCALES) {
    const file = path.join(dir, `${locale}.json`)
    if (locale === baseLocale || !fs.existsSync(file)) continue
    files.set(locale, JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>)
  }
  return files
}

/**
 * The default Handbook with its translations put in by address (Serbian Latin generated from Serbian Cyrillic). An
 * address the Handbook does not have is skipped here; a unit test keeps the files and the Handbook in step.
 */
export function defaultHandbookDoc(dir = HANDBOOK_TRANSLATIONS_DIR): FrameworkDoc {
  const doc = readFrameworkJson(fs.readFileSync(DEFAULT_HANDBOOK_FILE))
  const index = indexTexts(doc)
  for (const [locale, texts] of readHandbookTranslations(doc.framework.baseLocale, dir)) {
    for (const [address, text] of Object.entries(texts)) {
      const entry = index.get(address)
      if (entry && typeof text === 'string' && text.trim()) entry.text[locale] = text
    }
  }
  return normalizeTexts(doc)
}

/** Imports and publishes the default Handbook when the installation has no framework yet. */
export async function seedDefaultHandbook(db: Database): Promise<boolean> {
  const any = await db.selectFrom('frameworks').select('id').limit(1).executeTakeFirst()
  if (any) return false
  const doc = defaultHandbookDoc()
  await withTransaction(db, async (trx) => {
    const ctx = { actor: null, requestId: 'seed:handbook' }
    const id = await importFrameworkDoc(trx, ctx, doc)
    await publishVersion(trx, ctx, id, 1)
  })
  return true
}
