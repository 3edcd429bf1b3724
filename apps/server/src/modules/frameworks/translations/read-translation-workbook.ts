import { type ContentLocale, type Issue, TRANSLATABLE_LOCALES, type TranslatableLocale } from '@thbm/shared'
import type { Workbook, Worksheet } from 'exceljs'
import { readCellText } from '../xlsx/cell-text.ts'
import { cellRef } from '../xlsx/layout.ts'
import { workbookProblems } from '../xlsx/load-workbook.ts'
import type { TextEntry } from './text-index.ts'
import { baseHeader, TRANSLATION_SHEET } from './translation-workbook.ts'

/** Longest text accepted (the content schema's limit). */
export const MAX_TEXT = 20_000

/** One text read from the workbook: its entry in the version and the value of each locale column. */
export interface ReadRow {
  entry: TextEntry
  values: Map<TranslatableLocale, string>
}

interface Columns {
  address: number
  base: number
  locales: Map<TranslatableLocale, number>
}

const LOCALE_LIKE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i
const sameText = (a: string | undefined, b: string | undefined) =>
  (a ?? '').replace(/\r\n?/g, '\n').trim() === (b ?? '').replace(/\r\n?/g, '\n').trim()

/**
 * Reads a translators' workbook (opened by xlsx/load-workbook.ts, with its zip guard and limits) against the texts
 * of the version. Every problem is collected with its cell (e.g. `Translations!E12`) and the whole file is refused
 * with a 400 when there is any. A Serbian Latin column is refused (it is generated from Serbian Cyrillic); columns
 * whose headers are not language codes (a translator's notes) are ignored.
 */
export function readTranslationWorkbook(
  workbook: Workbook,
  index: Map<string, TextEntry>,
  base: ContentLocale,
): ReadRow[] {
  const sheet = workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === TRANSLATION_SHEET.toLowerCase())
  if (!sheet)
    throw workbookProblems([
      { path: TRANSLATION_SHEET, message: `Missing sheet "${TRANSLATION_SHEET}"; the sheet must keep its name` },
    ])
  const issues: Issue[] = []
  const columns = readColumns(sheet, base, issues)
  if (!columns) throw workbookProblems(issues)
  const rows = readRows(sheet, columns, index, base, issues)
  if (issues.length) throw workbookProblems(issues)
  return rows
}

function readColumns(sheet: Worksheet, base: string, issues: Issue[]): Columns | null {
  const at = (column: number) => cellRef(TRANSLATION_SHEET, column, 1)
  const header = sheet.findRow(1)
  let address = 0
  let baseColumn = 0
  const locales = new Map<TranslatableLocale, number>()
  for (let column = 1; header && column <= sheet.columnCount; column++) {
    const text = readCellText(header.getCell(column))?.trim() ?? ''
    const lower = text.toLowerCase()
    const locale = TRANSLATABLE_LOCALES.find((l) => l.toLowerCase() === lower)
    if (lower === 'address') address ||= column
    else if (lower === baseHeader(base).toLowerCase()) baseColumn ||= column
    else if (lower === 'sr-latn')
      issues.push({
        path: at(column),
        message: 'Serbian Latin (sr-Latn) is made from Serbian Cyrillic (sr-Cyrl): remove this column',
      })
    else if (locale === base)
      issues.push({ path: at(column), message: `${base} is the base language: its text cannot be changed here` })
    else if (locale) {
      if (locales.has(locale)) issues.push({ path: at(column), message: `Column "${locale}" appears twice` })
      else locales.set(locale, column)
    } else if (lower.endsWith('(base)') || LOCALE_LIKE.test(lower)) {
      const known = TRANSLATABLE_LOCALES.filter((l) => l !== base).join(', ')
      issues.push({
        path: at(column),
        message: `Unknown language column "${text}": use ${known}, and "${baseHeader(base)}" for the base text`,
      })
    }
  }
  if (!address) issues.push({ path: `${TRANSLATION_SHEET}!1:1`, message: 'Missing column "address"' })
  if (!baseColumn)
    issues.push({
      path: `${TRANSLATION_SHEET}!1:1`,
      message: `Missing column "${baseHeader(base)}" (the base text, used to check the file is still current)`,
    })
  if (locales.size === 0)
    issues.push({ path: `${TRANSLATION_SHEET}!1:1`, message: 'No language column (e.g. "sq") to import' })
  // The rows are still checked when only some headers are wrong, so one upload shows every problem.
  return address && baseColumn ? { address, base: baseColumn, locales } : null
}

function readRows(
  sheet: Worksheet,
  columns: Columns,
  index: Map<string, TextEntry>,
  base: ContentLocale,
  issues: Issue[],
): ReadRow[] {
  const seen = new Map<string, number>()
  const rows: ReadRow[] = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r)
    if (!row) continue
    const cell = (column: number) => readCellText(row.getCell(column))
    const values = new Map<TranslatableLocale, string>()
    for (const [locale, column] of columns.locales) values.set(locale, cell(column) ?? '')
    const address = cell(columns.address)?.trim()
    const ref = (column: number) => cellRef(TRANSLATION_SHEET, column, r)
    if (!address) {
      if ([...values.values()].some((v) => v.trim()))
        issues.push({ path: ref(columns.address), message: 'address: required, but the cell is empty' })
      continue
    }
    const entry = index.get(address)
    const earlier = seen.get(address)
    seen.set(address, earlier ?? r)
    if (!entry) {
      issues.push({ path: ref(columns.address), message: `No text of this version has the address '${address}'` })
      continue
    }
    if (earlier !== undefined) {
      issues.push({ path: ref(columns.address), message: `'${address}' appears twice (also on row ${earlier})` })
      continue
    }
    if (!sameText(cell(columns.base), entry.text[base]))
      issues.push({
        path: ref(columns.base),
        message: 'The base text changed since this file was exported: download a new file and translate that',
      })
    for (const [locale, column] of columns.locales) {
      const value = values.get(locale) ?? ''
      if (value.length > MAX_TEXT)
        issues.push({ path: ref(column), message: `Too long: ${value.length} characters (at most ${MAX_TEXT})` })
      if (value.includes('\u0000'))
        issues.push({ path: ref(column), message: 'Remove the NUL character (\\0): it cannot be stored' })
    }
    rows.push({ entry, values })
  }
  return rows
}
