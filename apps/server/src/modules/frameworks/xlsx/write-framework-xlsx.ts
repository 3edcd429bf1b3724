import {
  CONTENT_LOCALES,
  type FrameworkDoc,
  INDICATOR_KINDS,
  LEGAL_INSTRUMENTS,
  LINEAGE_TYPES,
  MEASUREMENT_TYPES,
} from '@thbm/shared'
import ExcelJS, { type DataValidation, type Workbook, type Worksheet } from 'exceljs'
import { toCellText } from './cell-text.ts'
import { instructionLines } from './instructions.ts'
import {
  AREA_COLUMNS,
  type ColumnSpec,
  columnLetter,
  DIMENSION_COLUMNS,
  FRAMEWORK_COLUMNS,
  FRAMEWORK_FIELDS,
  INDICATOR_COLUMNS,
  LEGAL_COLUMNS,
  SCALE_COLUMNS,
  SHEETS,
  TRANSLATION_COLUMNS,
} from './layout.ts'
import { buildSheetRows, type SheetRow } from './sheet-rows.ts'

const DROPDOWN_SPARE_ROWS = 1000

/** The hidden Lists sheet: the values the dropdowns offer, one list per column. */
function dropdownLists(doc: FrameworkDoc): Record<string, readonly string[]> {
  return {
    kind: INDICATOR_KINDS,
    measurement: MEASUREMENT_TYPES,
    lineageType: LINEAGE_TYPES,
    yesNo: ['yes', 'no'],
    area: doc.areas.map((a) => a.code),
    instrument: LEGAL_INSTRUMENTS,
    locale: CONTENT_LOCALES,
  }
}

/**
 * Writes a framework version as a workbook people can read and edit (see the Instructions sheet it contains).
 * Every value is a plain string or number, never a formula; readFrameworkXlsx reads it back unchanged.
 */
export async function writeFrameworkXlsx(doc: FrameworkDoc): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'THB Monitor'
  addInstructions(workbook, doc.framework.baseLocale)
  const rows = buildSheetRows(doc)
  const framework = addTable(workbook, SHEETS.framework, FRAMEWORK_COLUMNS, rows.framework)
  addTable(workbook, SHEETS.areas, AREA_COLUMNS, rows.areas)
  const indicators = addTable(workbook, SHEETS.indicators, INDICATOR_COLUMNS, rows.indicators, 1)
  addTable(workbook, SHEETS.scales, SCALE_COLUMNS, rows.scales)
  const legal = addTable(workbook, SHEETS.legal, LEGAL_COLUMNS, rows.legal)
  addTable(workbook, SHEETS.dimensions, DIMENSION_COLUMNS, rows.dimensions)
  addTable(workbook, SHEETS.translations, TRANSLATION_COLUMNS, rows.translations, 1)

  const lists = dropdownLists(doc)
  const source = addLists(workbook, lists)
  const column = (specs: readonly ColumnSpec[], key: string) => columnLetter(specs.findIndex((c) => c.key === key) + 1)
  // Dropdowns reach well past the data, so that rows people add get them too.
  const last = Math.max(rows.indicators.length, rows.legal.length) + DROPDOWN_SPARE_ROWS
  const down = (specs: readonly ColumnSpec[], key: string) => `${column(specs, key)}2:${column(specs, key)}${last}`
  addDropdown(indicators, down(INDICATOR_COLUMNS, 'kind'), source('kind'))
  addDropdown(indicators, down(INDICATOR_COLUMNS, 'measurement'), source('measurement'))
  addDropdown(indicators, down(INDICATOR_COLUMNS, 'lineageType'), source('lineageType'))
  for (const flag of ['core', 'frameworkIndicator', 'redFlag'])
    addDropdown(indicators, down(INDICATOR_COLUMNS, flag), source('yesNo'))
  // Only a warning for areas: people may add an area on the Areas sheet that the list does not know yet.
  addDropdown(indicators, down(INDICATOR_COLUMNS, 'area'), source('area'), 'warning')
  addDropdown(legal, down(LEGAL_COLUMNS, 'instrument'), source('instrument'))
  const baseLocaleRow = Object.keys(FRAMEWORK_FIELDS).indexOf('baseLocale') + 2
  addDropdown(framework, `${column(FRAMEWORK_COLUMNS, 'value')}${baseLocaleRow}`, source('locale'))

  const written = await workbook.xlsx.writeBuffer()
  return Buffer.isBuffer(written) ? written : Buffer.from(written)
}

function addInstructions(workbook: Workbook, baseLocale: string): void {
  const sheet = workbook.addWorksheet(SHEETS.instructions)
  sheet.columns = [{ width: 120, style: { alignment: { wrapText: true, vertical: 'top' } } }]
  for (const line of instructionLines(baseLocale)) {
    const row = sheet.addRow([line.replace(/^# /, '')])
    if (line.startsWith('# ')) row.font = { bold: true, size: 13 }
  }
}

/** A sheet with a bold, frozen header row, fixed widths and wrapped text; strings are escaped by toCellText. */
function addTable(
  workbook: Workbook,
  name: string,
  columns: readonly ColumnSpec[],
  rows: SheetRow[],
  frozenColumns = 0,
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? toCellText(value) : value]),
      ),
    )
  }
  return sheet
}

/** Writes the hidden Lists sheet and returns, for a list name, the absolute range a dropdown refers to. */
function addLists(workbook: Workbook, lists: Record<string, readonly string[]>): (name: string) => string {
  const sheet = workbook.addWorksheet(SHEETS.lists, { state: 'hidden' })
  const names = Object.keys(lists)
  sheet.addRow(names)
  sheet.getRow(1).font = { bold: true }
  names.forEach((name, i) => {
    ;(lists[name] ?? []).forEach((value, j) => {
      sheet.getCell(j + 2, i + 1).value = value
    })
  })
  return (name) => {
    const letter = columnLetter(names.indexOf(name) + 1)
    return `${SHEETS.lists}!$${letter}$2:$${letter}$${Math.max(2, (lists[name]?.length ?? 0) + 1)}`
  }
}

/** exceljs supports range validations at runtime but leaves `dataValidations` out of its typings. */
interface WithDataValidations {
  dataValidations: { add(address: string, validation: DataValidation): void }
}

function addDropdown(sheet: Worksheet, range: string, source: string, errorStyle: 'stop' | 'warning' = 'stop'): void {
  ;(sheet as unknown as WithDataValidations).dataValidations.add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [source],
    showErrorMessage: true,
    errorStyle,
    errorTitle: 'Not in the list',
    error: 'Pick a value from the dropdown list (see the Instructions sheet).',
  })
}
