import type { Issue } from '@thbm/shared'
import type { Workbook, Worksheet } from 'exceljs'
import { readCellNumber, readCellText } from './cell-text.ts'
import { type ColumnSpec, cellRef } from './layout.ts'

/** Where a JSON path of the document came from, so schema issues can point at a cell. */
export interface Location {
  ref: string
  header?: string
}

/** What every sheet reader shares: the issues found so far and the cell each JSON path was read from. */
export interface ReadContext {
  issues: Issue[]
  where: Map<string, Location>
}

/** A data sheet opened by its headers: cell access by column key, with issues pointing at `Sheet!F12`. */
export interface SheetTable {
  readonly sheet: string
  /** Row numbers (1-based) of the data rows that hold anything, in order. */
  readonly rows: number[]
  ref(row: number, key: string): string
  /** The cell as plain text, untrimmed; undefined when empty. */
  text(row: number, key: string): string | undefined
  /** The cell trimmed; undefined when empty or blank. */
  code(row: number, key: string): string | undefined
  /** Like code, but an empty cell is reported. */
  required(row: number, key: string): string | undefined
  /** One of `options` (case-insensitive); anything else is reported and returned as typed. */
  choice(row: number, key: string, options: readonly string[]): string | undefined
  /** A number; text that is not a number is reported and returned as typed. */
  number(row: number, key: string): number | string | undefined
  fail(row: number, key: string, message: string): void
  /** Records that a JSON path was read from this cell. */
  locate(path: string, row: number, key: string): void
}

/** Finds a sheet by name (ignoring case) and its columns by header; reports a missing sheet or column and returns null. */
export function openTable(
  workbook: Workbook,
  sheet: string,
  columns: readonly ColumnSpec[],
  ctx: ReadContext,
): SheetTable | null {
  const worksheet = workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === sheet.toLowerCase())
  if (!worksheet) {
    const found = workbook.worksheets.map((ws) => `"${ws.name}"`).join(', ')
    ctx.issues.push({
      path: sheet,
      message: `Missing sheet "${sheet}" (the workbook has ${found || 'no sheets'}); sheets must keep their names`,
    })
    return null
  }
  const headers = readHeaders(worksheet)
  const positions = new Map<string, number>()
  for (const column of columns) {
    const position = headers.get(column.header.toLowerCase())
    if (position === undefined) {
      ctx.issues.push({
        path: `${sheet}!1:1`,
        message: `Missing column "${column.header}" on sheet "${sheet}"; the header row must keep its names`,
      })
    } else positions.set(column.key, position)
  }
  if (positions.size < columns.length) return null
  return makeTable(worksheet, sheet, columns, positions, ctx)
}

function readHeaders(worksheet: Worksheet): Map<string, number> {
  const headers = new Map<string, number>()
  const row = worksheet.findRow(1)
  for (let column = 1; row && column <= worksheet.columnCount; column++) {
    const header = readCellText(row.getCell(column))?.trim().toLowerCase()
    if (header && !headers.has(header)) headers.set(header, column)
  }
  return headers
}

function makeTable(
  worksheet: Worksheet,
  sheet: string,
  columns: readonly ColumnSpec[],
  positions: Map<string, number>,
  ctx: ReadContext,
): SheetTable {
  const position = (key: string) => positions.get(key) ?? 0
  const headerOf = (key: string) => columns.find((c) => c.key === key)?.header ?? key
  const cell = (row: number, key: string) => worksheet.getRow(row).getCell(position(key))
  const rows: number[] = []
  for (let row = 2; row <= worksheet.rowCount; row++) {
    const found = worksheet.findRow(row)
    if (found && columns.some((c) => readCellText(found.getCell(position(c.key)))?.trim())) rows.push(row)
  }
  const table: SheetTable = {
    sheet,
    rows,
    ref: (row, key) => cellRef(sheet, position(key), row),
    text: (row, key) => readCellText(cell(row, key)),
    code: (row, key) => readCellText(cell(row, key))?.trim() || undefined,
    required(row, key) {
      const value = table.code(row, key)
      if (value === undefined) table.fail(row, key, 'required, but the cell is empty')
      return value
    },
    choice(row, key, options) {
      const value = table.required(row, key)
      if (value === undefined) return undefined
      const match = options.find((option) => option.toLowerCase() === value.toLowerCase())
      if (match === undefined) table.fail(row, key, `unknown value '${value}' (expected one of ${options.join(', ')})`)
      return match ?? value
    },
    number(row, key) {
      const value = readCellNumber(cell(row, key))
      if (value === undefined) table.fail(row, key, 'required, but the cell is empty')
      if (typeof value === 'string') table.fail(row, key, `'${value}' is not a number`)
      return value
    },
    fail: (row, key, message) => {
      ctx.issues.push({ path: table.ref(row, key), message: `${headerOf(key)}: ${message}` })
    },
    locate: (path, row, key) => {
      ctx.where.set(path, { ref: table.ref(row, key), header: headerOf(key) })
    },
  }
  return table
}
