import type { Locale } from '@thbm/shared'
import ExcelJS, { type DataValidation, type Style, type Workbook } from 'exceljs'
import { validationFailed } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { toCellText } from '../frameworks/xlsx/cell-text.ts'
import {
  columnOf,
  DATA_COLUMNS,
  MAX_TEMPLATE_ROWS,
  SIGNATURE_FIELDS,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  TEMPLATE_SHEETS,
  WIDTHS,
} from './template-layout.ts'
import { type Messages, templateMessages } from './template-messages.ts'
import { buildTemplateRows, type InputKind, type TemplateModel } from './template-rows.ts'
import {
  baselineOf,
  formatRef,
  rowCheck,
  type Signature,
  signatureValues,
  structureHash,
} from './template-signature.ts'

const TOP: Partial<Style> = { alignment: { wrapText: true, vertical: 'top' } }
const LOCKED_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
const INPUT_FILL: Style['fill'] = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } }
// Protection keeps people from moving rows or typing outside the value column; no password: it guards against
// slips, and the upload checks the structure anyway.
const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true }

/**
 * Writes a data-collection template: Instructions (in the language), Data (one row per indicator × organisation ×
 * field, only the value column unlocked, dropdowns for choices and "no data", existing values filled in) and a very
 * hidden Signature sheet. readTemplate reads it back.
 */
export async function writeTemplate(model: TemplateModel, lang: Locale, createdAt = nowIso()): Promise<Buffer> {
  const rows = buildTemplateRows(model, lang)
  if (rows.length > MAX_TEMPLATE_ROWS) {
    throw validationFailed(
      [
        {
          path: 'querystring.organisation',
          message: `The template would have ${rows.length} rows; the limit is ${MAX_TEMPLATE_ROWS}. Download one per organisation.`,
        },
      ],
      'The template is too large',
    )
  }
  const m = templateMessages(lang)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'THB Monitor'
  addInstructions(workbook, lang, model, createdAt)
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS.data, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] })
  sheet.columns = DATA_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c], hidden: c === 'ref' }))
  const headers = DATA_COLUMNS.map((c) => m.headers[c])
  sheet.addRow(headers).font = { bold: true }

  const refs: { code: string; key: string; ref: string }[] = []
  rows.forEach((r, i) => {
    const rowNumber = i + 2
    const partial = { organisationId: r.organisationId, version: r.version, baseline: baselineOf(r.value) }
    const ref = formatRef({ ...partial, check: rowCheck(rowNumber, r.code, r.key, partial) })
    refs.push({ code: r.code, key: r.key, ref })
    const text = (s: string) => toCellText(s)
    const row = sheet.addRow([
      text(r.organisationName),
      r.code,
      text(r.title),
      text(r.measurement),
      text(r.help),
      text(r.breakdown),
      text(r.key),
      typeof r.value === 'string' ? text(r.value) : (r.value ?? undefined),
      ref,
    ])
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.style = { ...TOP, fill: LOCKED_FILL }
    })
    const value = row.getCell(columnOf('value'))
    value.style = { ...TOP, fill: r.editable ? INPUT_FILL : LOCKED_FILL, protection: { locked: !r.editable } }
    const validation = validationOf(r.input, m)
    if (validation && r.editable) value.dataValidation = validation
    row.getCell(columnOf('key')).font = { color: { argb: 'FF808080' }, size: 9 }
  })
  await sheet.protect('', PROTECTION)

  const base = {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    roundId: model.roundId,
    country: model.countryCode,
    frameworkVersionId: model.frameworkVersionId,
    organisations: model.organisations.map((o) => o.id),
    language: lang,
    rows: rows.length,
    createdAt,
  }
  addSignature(workbook, { ...base, structureHash: structureHash(base, headers, refs) })
  const written = await workbook.xlsx.writeBuffer()
  return Buffer.isBuffer(written) ? written : Buffer.from(written)
}

/**
 * The data validation of a value cell. Yes / partial / no offers the codes but only informs about anything else, so
 * that the word typed in one's language (CHOICE_WORDS, checked on upload) can stay.
 */
function validationOf(input: InputKind, m: Messages): DataValidation | null {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', error: m.invalidValue } as const
  switch (input) {
    case 'yes_partial_no':
      return {
        ...common,
        errorStyle: 'information',
        error: m.choiceValue,
        type: 'list',
        formulae: ['"yes,partial,no"'],
      }
    case 'rubric':
      return { ...common, type: 'list', formulae: ['"0,1,2,3,4"'] }
    case 'noData':
      return { ...common, type: 'list', formulae: [`"${m.noData}"`] }
    case 'whole':
    case 'decimal':
      return { ...common, type: input, operator: 'greaterThanOrEqual', formulae: [0] }
    case 'text':
      return null
  }
}

function addInstructions(workbook: Workbook, lang: Locale, model: TemplateModel, createdAt: string): void {
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS.instructions)
  sheet.columns = [{ width: 120, style: TOP }]
  const values: Record<string, string> = {
    round: model.roundName,
    country: model.countryCode,
    organisations: model.organisations.map((o) => o.name).join(', '),
    createdAt: createdAt.slice(0, 16).replace('T', ' '),
  }
  for (const line of templateMessages(lang).instructions) {
    const filled = line.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all)
    const row = sheet.addRow([toCellText(filled.replace(/^# /, ''))])
    if (line.startsWith('# ')) row.font = { bold: true, size: 13 }
  }
}

function addSignature(workbook: Workbook, signature: Signature): void {
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS.signature, { state: 'veryHidden' })
  const values = signatureValues(signature)
  for (const field of SIGNATURE_FIELDS) sheet.addRow([field, values[field]])
  sheet.getColumn(2).width = 70
}
