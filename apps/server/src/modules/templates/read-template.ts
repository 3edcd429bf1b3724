import { type Issue, isLocale } from '@thbm/shared'
import { workbookProblems } from '../frameworks/xlsx/load-workbook.ts'
import { oversizedSheets } from './sheet-dimensions.ts'
import {
  columnOf,
  DATA_COLUMNS,
  dataCell,
  letterOf,
  MAX_TEMPLATE_ROWS,
  SIGNATURE_FIELDS,
  type SignatureField,
  signatureCell,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  TEMPLATE_SHEETS,
} from './template-layout.ts'
import { templateMessages } from './template-messages.ts'
import { normalizeValue, parseRef, rowCheck, type Signature, structureHash } from './template-signature.ts'
import { readWorkbookCells } from './xlsx-cells.ts'
import { cellNumber, cellText, type SheetCells } from './xlsx-sheet.ts'

/** One Data row as uploaded: where it is, what it is (from its checked reference) and what its value cell holds. */
export interface ReadRow {
  row: number
  code: string
  key: string
  organisationId: string
  version: number
  baseline: string
  /** The value as text, trimmed ('' when empty); a formula gives its formula text. */
  text: string
  /** The value as a number, the text when it is not one, undefined when empty. */
  number: number | string | undefined
}

export interface ParsedTemplate {
  signature: Signature
  rows: ReadRow[]
}

/** Most problems listed in one answer; the rest are counted. */
const MAX_ISSUES = 200
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

/** Keeps a problem list readable: the first MAX_ISSUES, then one line counting the rest. */
export function capIssues(issues: Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES) return issues
  const rest = issues.length - MAX_ISSUES
  return [...issues.slice(0, MAX_ISSUES), { path: 'file', message: `… and ${rest} more problem(s)` }]
}

/**
 * Opens an uploaded template and checks its structure: a zip (not an executable renamed .xlsx), no sheet declaring
 * more than MAX_TEMPLATE_ROWS rows (checked before any cell is parsed), the zip guard, a readable workbook, the
 * Signature sheet, the Data headers, and every row's check and the structure hash. Every problem is reported at once
 * (400, nothing imported); the values themselves are checked later, against the database.
 */
export async function readTemplate(data: Buffer): Promise<ParsedTemplate> {
  if (!ZIP_MAGIC.every((b, i) => data[i] === b))
    throw workbookProblems([{ path: 'file', message: 'The file is not an XLSX workbook' }])
  const oversized = oversizedSheets(data, MAX_TEMPLATE_ROWS)
  if (oversized.length) throw workbookProblems(oversized)
  const workbook = readWorkbookCells(data)
  const sheet = workbook.get(TEMPLATE_SHEETS.data)
  const signatureSheet = workbook.get(TEMPLATE_SHEETS.signature)
  const missing: Issue[] = []
  if (!signatureSheet)
    missing.push({
      path: TEMPLATE_SHEETS.signature,
      message: 'This is not a THB Monitor template (no Signature sheet)',
    })
  if (!sheet)
    missing.push({ path: TEMPLATE_SHEETS.data, message: 'The sheet "Data" is missing; sheets must not be renamed' })
  if (!sheet || !signatureSheet) throw workbookProblems(missing)
  const signature = readSignature(signatureSheet)
  if ('issues' in signature) throw workbookProblems(signature.issues)
  const headerIssues = checkHeaders(sheet, signature)
  if (headerIssues.length) throw workbookProblems(headerIssues)
  const { rows, issues } = readRows(sheet, signature)
  if (issues.length) throw workbookProblems(capIssues(issues))
  return { signature, rows }
}

/**
 * The quick look at an upload that decides how to import it: the same checks as readTemplate up to the signature
 * (a zip, sizes, the zip guard, the Signature sheet), reading no other sheet. readTemplate does the rest.
 */
export async function readTemplateSignature(data: Buffer): Promise<Signature> {
  if (!ZIP_MAGIC.every((b, i) => data[i] === b))
    throw workbookProblems([{ path: 'file', message: 'The file is not an XLSX workbook' }])
  const oversized = oversizedSheets(data, MAX_TEMPLATE_ROWS)
  if (oversized.length) throw workbookProblems(oversized)
  const sheet = readWorkbookCells(data, [TEMPLATE_SHEETS.signature]).get(TEMPLATE_SHEETS.signature)
  if (!sheet)
    throw workbookProblems([
      { path: TEMPLATE_SHEETS.signature, message: 'This is not a THB Monitor template (no Signature sheet)' },
    ])
  const signature = readSignature(sheet)
  if ('issues' in signature) throw workbookProblems(signature.issues)
  return signature
}

function readSignature(sheet: SheetCells): Signature | { issues: Issue[] } {
  const text = (field: SignatureField) => cellText(sheet.value(SIGNATURE_FIELDS.indexOf(field) + 1, 2))
  const issues: Issue[] = []
  SIGNATURE_FIELDS.forEach((field, i) => {
    if (cellText(sheet.value(i + 1, 1)) !== field)
      issues.push({ path: `${TEMPLATE_SHEETS.signature}!A${i + 1}`, message: 'The template signature was changed' })
  })
  const language = text('language')
  if (text('format') !== TEMPLATE_FORMAT || text('formatVersion') !== String(TEMPLATE_FORMAT_VERSION))
    issues.push({
      path: signatureCell('formatVersion'),
      message: 'This template was made by another version of THB Monitor; download a new one',
    })
  if (!isLocale(language)) issues.push({ path: signatureCell('language'), message: 'Unknown template language' })
  if (issues.length || !isLocale(language)) return { issues }
  return {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    roundId: text('roundId') ?? '',
    country: text('country') ?? '',
    frameworkVersionId: text('frameworkVersionId') ?? '',
    organisations: (text('organisations') ?? '').split(',').filter(Boolean),
    language,
    rows: Number(text('rows') ?? 0),
    structureHash: text('structureHash') ?? '',
    createdAt: text('createdAt') ?? '',
  }
}

function checkHeaders(sheet: SheetCells, signature: Signature): Issue[] {
  const headers = templateMessages(signature.language).headers
  const issues: Issue[] = DATA_COLUMNS.flatMap((c) => {
    const found = cellText(sheet.value(1, columnOf(c)))?.trim() ?? ''
    return found === headers[c]
      ? []
      : [{ path: `${TEMPLATE_SHEETS.data}!${letterOf(c)}1`, message: `Expected the column "${headers[c]}" here` }]
  })
  if (sheet.columnCount > DATA_COLUMNS.length)
    issues.push({ path: TEMPLATE_SHEETS.data, message: 'Columns were added to the Data sheet' })
  return issues
}

function readRows(sheet: SheetCells, signature: Signature): { rows: ReadRow[]; issues: Issue[] } {
  const rows: ReadRow[] = []
  const issues: Issue[] = []
  const refs: { code: string; key: string; ref: string }[] = []
  const lastRow = Math.max(sheet.rowCount, signature.rows + 1)
  for (let r = 2; r <= lastRow; r++) {
    const get = (c: (typeof DATA_COLUMNS)[number]) => cellText(sheet.value(r, columnOf(c)))?.trim() ?? ''
    if (r > signature.rows + 1) {
      if (DATA_COLUMNS.some((c) => get(c) !== ''))
        issues.push({
          path: dataCell('organisation', r),
          code: 'row.added',
          message: 'Rows were added below the template',
        })
      continue
    }
    const code = get('code')
    const key = get('key')
    const ref = parseRef(get('ref'))
    if (!ref || ref.check !== rowCheck(r, code, key, ref)) {
      issues.push({
        path: dataCell('code', r),
        code: 'row.changed',
        message:
          'This row does not match the template: rows were moved, inserted or deleted, or a locked cell was changed. Download a new template.',
      })
      continue
    }
    refs.push({ code, key, ref: get('ref') })
    const value = sheet.value(r, columnOf('value'))
    const text = normalizeValue(cellText(value))
    rows.push({ row: r, code, key, ...ref, text, number: cellNumber(value) })
  }
  const { structureHash: expected, ...rest } = signature
  const headers = DATA_COLUMNS.map((c) => templateMessages(signature.language).headers[c])
  if (!issues.length && structureHash(rest, headers, refs) !== expected)
    issues.push({ path: signatureCell('structureHash'), message: 'The workbook does not match its signature' })
  return { rows, issues }
}
