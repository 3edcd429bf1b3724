import type { TranslationImportResult } from '@thbm/shared'
import type { Workbook } from 'exceljs'
import type { RequestContext } from '../../../actor.ts'
import type { Trx } from '../../../db/transaction.ts'
import { recordAudit } from '../../audit/record-audit.ts'
import { readTranslationWorkbook } from './read-translation-workbook.ts'
import { loadTranslationTarget, setTranslation, writeItemTexts } from './write-texts.ts'

/**
 * Imports a translators' workbook into a draft or published version: the whole file is checked first (every problem
 * with its cell, nothing applied), then every changed text is written in this one transaction (each touched row's
 * version bumped) with one audit row. An empty cell removes that translation; rows left out stay as they are.
 */
export async function importTranslations(
  trx: Trx,
  ctx: RequestContext,
  versionId: string,
  workbook: Workbook,
): Promise<TranslationImportResult> {
  const target = await loadTranslationTarget(trx, versionId)
  const { v, doc, index } = target
  const rows = readTranslationWorkbook(workbook, index, doc.framework.baseLocale)
  const items = new Set<string>()
  const locales = new Set<string>()
  let changed = 0
  for (const { entry, values } of rows) {
    for (const [locale, value] of values) {
      const next = value.trim() ? value : ''
      if ((entry.text[locale] ?? '') === next) continue
      setTranslation(entry, locale, next)
      items.add(entry.itemKey)
      locales.add(locale)
      changed++
    }
  }
  if (changed > 0) await writeItemTexts(trx, target, items)
  await recordAudit(trx, ctx, {
    action: 'frameworkVersion.translationsImported',
    subjectType: 'frameworkVersion',
    subjectId: v.row.id,
    after: { version: v.row.label, rows: rows.length, changed, items: items.size, locales: [...locales].sort() },
  })
  return { changed, rows: rows.length }
}
