import type { FrameworkDoc, Locale, TranslatableLocale } from '@thbm/shared'
import ExcelJS, { type Fill, type Worksheet } from 'exceljs'
import { translator } from '../../../i18n/translate.ts'
import { toCellText } from '../xlsx/cell-text.ts'
import { indexTexts, type TextEntry } from './text-index.ts'

/**
 * The translators' workbook: a sheet "Translations" with one row per text (address, item, field, the base text, then
 * one column per locale asked for) and an Instructions sheet in the requester's language. Headers are fixed codes, so
 * the reader finds columns by them whatever the Instructions' language.
 */
export const TRANSLATION_SHEET = 'Translations'
export const INSTRUCTIONS_SHEET = 'Instructions'
export const FIXED_COLUMNS = [
  { key: 'address', header: 'address', width: 36 },
  { key: 'item', header: 'item', width: 12 },
  { key: 'field', header: 'field', width: 16 },
] as const
/** The base text's column header, e.g. `en (base)`. */
export const baseHeader = (baseLocale: string) => `${baseLocale} (base)`

const GREY: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } }
const WRAP = { wrapText: true, vertical: 'top' } as const

/** What the `item` and `field` columns show for a text: `IDN-3`, `level 2`. */
function describe(entry: TextEntry): { item: string; field: string } {
  const item = entry.itemKey === 'framework' ? 'framework' : entry.itemKey.slice(entry.itemKey.indexOf(':') + 1)
  return { item, field: entry.key ? `${entry.field} ${entry.key}` : entry.field }
}

/** Writes the workbook for some locales of a version (never the base locale, never Serbian Latin). */
export async function writeTranslationWorkbook(
  doc: FrameworkDoc,
  locales: readonly TranslatableLocale[],
  lang: Locale,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'THB Monitor'
  addInstructions(workbook, doc, locales, lang)
  const base = doc.framework.baseLocale
  const sheet = workbook.addWorksheet(TRANSLATION_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  sheet.columns = [
    ...FIXED_COLUMNS.map((c) => ({ ...c, style: { alignment: WRAP } })),
    { key: 'base', header: baseHeader(base), width: 50, style: { alignment: WRAP } },
    ...locales.map((l) => ({
      key: l,
      header: l,
      width: 50,
      style: { alignment: WRAP, protection: { locked: false } },
    })),
  ]
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.getCell(4).fill = GREY
  for (const entry of indexTexts(doc).values()) {
    const values: Record<string, string | undefined> = { address: entry.address, ...describe(entry) }
    values.base = entry.text[base]
    for (const l of locales) values[l] = entry.text[l]
    const row = sheet.addRow(
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === undefined ? undefined : toCellText(v)])),
    )
    row.getCell(4).fill = GREY
    locales.forEach((_l, i) => {
      row.getCell(5 + i).protection = { locked: false }
    })
  }
  // Protection without a password: it keeps the address and base text from being changed by accident.
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
  })
  const written = await workbook.xlsx.writeBuffer()
  return Buffer.isBuffer(written) ? written : Buffer.from(written)
}

function addInstructions(
  workbook: ExcelJS.Workbook,
  doc: FrameworkDoc,
  locales: readonly TranslatableLocale[],
  lang: Locale,
): void {
  const t = translator(lang)
  const sheet: Worksheet = workbook.addWorksheet(INSTRUCTIONS_SHEET)
  sheet.columns = [{ width: 110, style: { alignment: WRAP } }]
  const values = {
    code: doc.framework.code,
    label: doc.version.label,
    base: baseHeader(doc.framework.baseLocale),
    locales: locales.join(', '),
    sheet: TRANSLATION_SHEET,
  }
  const lines: [string, boolean][] = [
    [t('handbook:translationWorkbook.title', values), true],
    [t('handbook:translationWorkbook.intro', values), false],
    ['', false],
    [t('handbook:translationWorkbook.stepsTitle'), true],
    [t('handbook:translationWorkbook.step1', values), false],
    [t('handbook:translationWorkbook.step2', values), false],
    [t('handbook:translationWorkbook.step3', values), false],
    [t('handbook:translationWorkbook.step4', values), false],
    [t('handbook:translationWorkbook.step5', values), false],
    [t('handbook:translationWorkbook.step6', values), false],
  ]
  for (const [line, heading] of lines) {
    const row = sheet.addRow([line])
    if (heading) row.font = { bold: true, size: 13 }
  }
}

/** A plain ASCII file name, e.g. `thbm-translations-BAN-2026.1.xlsx`. */
export function translationFileName(doc: FrameworkDoc): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-|-$/g, '')
  return `thbm-translations-${safe(doc.framework.code)}-${safe(doc.version.label)}.xlsx`
}
