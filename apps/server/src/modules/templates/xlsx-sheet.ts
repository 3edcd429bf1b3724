import { createRequire } from 'node:module'
import { MAX_COLUMNS, MAX_ROWS } from '../frameworks/xlsx/layout.ts'
import { scanXml, XmlError } from './xml-scan.ts'

// exceljs's own helpers, so that dates, shared formulas and `str` cells read exactly as exceljs reads them.
const require = createRequire(import.meta.url)
export const excelUtils = require('exceljs/lib/utils/utils.js') as {
  isDateFmt(fmt: string | undefined): boolean
  excelToDate(v: number, date1904?: boolean): Date
  xmlDecode(text: string): string
}
const { slideFormula } = require('exceljs/lib/utils/shared-formula.js') as {
  slideFormula(formula: string, from: string, to: string): string
}

/**
 * A cell as the template reads it, i.e. what readCellText / readCellNumber give for the cell exceljs loads: text
 * (shared, inline or rich text flattened; `=` and the formula of a formula; `true`/`false`; an error code; a date as
 * ISO text), a number, or undefined when empty.
 */
export type CellValue = string | number | undefined

/** One worksheet's cells, with the counts exceljs gives (`rowCount`, `columnCount`). */
export interface SheetCells {
  name: string
  rowCount: number
  columnCount: number
  value(row: number, col: number): CellValue
}

export interface Styles {
  /** Whether cells of this style index show numbers as dates (exceljs then reads them as dates). */
  isDate(styleId: number): boolean
}

export interface SheetContext {
  /** The shared strings; null when the workbook has none (exceljs then keeps the index as a number). */
  shared: CellValue[] | null
  styles: Styles
  date1904: boolean
  tooBig(): Error
}

/** The spreadsheet escape `_xHHHH_`, decoded as exceljs decodes text runs. */
export const decodeEscapes = (s: string) =>
  s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s

/** A1 (or $A$1, a1) → [row, column]; null when it is not a cell reference. */
function decodeRef(ref: string): [number, number] | null {
  let at = ref.charCodeAt(0) === 0x24 ? 1 : 0
  let col = 0
  const start = at
  for (let c = ref.charCodeAt(at); (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = ref.charCodeAt(++at))
    col = col * 26 + (c & 0xdf) - 64
  if (at === start || at - start > 3) return null
  if (ref.charCodeAt(at) === 0x24) at++
  let row = 0
  const digits = at
  for (let c = ref.charCodeAt(at); c >= 48 && c <= 57; c = ref.charCodeAt(++at)) row = row * 10 + c - 48
  return at === digits || at !== ref.length ? null : [row, col]
}

function columnLetters(col: number): string {
  let out = ''
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out
  return out
}

interface CellState {
  address: string | undefined
  t: string | undefined
  styleId: number
  formula: string | undefined
  shareType: string | undefined
  si: string | undefined
  ref: string | undefined
  value: string | undefined
  runs: (string | undefined)[] | null
  node: 'f' | 'v' | 't' | undefined
}

/** A shared-formula cell whose formula comes from its master, resolved once the sheet is read. */
interface Slave {
  row: number
  col: number
  master: string | undefined
}

/** A cell that holds a value without text (an empty `<si/>`, a formula without its text): not empty for exceljs. */
const NO_TEXT = Symbol('no text')
type Stored = CellValue | typeof NO_TEXT
/** null: a cell with a style and no value (it widens the row but is not a value). */
type RowCells = (Stored | null)[]

/**
 * One worksheet's `<sheetData>`, read as exceljs's cell, row and worksheet xforms read it (see xlsx-cells.ts). A
 * Null cell (styled, no value) is kept as null: it counts for the row's width but not as a value.
 */
export function parseSheet(xml: string, ctx: SheetContext): Omit<SheetCells, 'name'> {
  const rows: RowCells[] = []
  const formulae = new Map<string, string>()
  const formulaText = new Map<string, string>()
  const slaves: Slave[] = []
  let depth = 0
  let inSheetData = false
  let rowsSeen = 0
  let row: { number: number; cells: RowCells; previous: number | null; count: number } | null = null
  let cell: CellState | null = null
  let run: { capture: string | null; text?: string } | null = null

  const closeCell = (r: NonNullable<typeof row>, c: CellState) => {
    let value: Stored | null
    let slave: string | undefined
    if (c.formula || c.shareType) {
      value = c.formula ? `=${c.formula}` : NO_TEXT
      if (c.shareType === 'shared' && c.ref) formulae.set(c.si ?? 'undefined', c.address ?? '')
      else if (c.shareType === 'shared' && !c.formula) slave = formulae.get(c.si ?? 'undefined') || undefined
    } else if (c.value !== undefined || c.runs) value = cellValue(c, ctx)
    else if (c.styleId) value = null
    else return // exceljs drops a cell without value or style (a "merge" cell).
    let col: number
    if (c.address === undefined) {
      // exceljs puts a cell without a reference next to the one before.
      if (r.previous === null) throw new TypeError('A cell without a reference starts a row')
      col = r.previous + 1
    } else {
      const at = decodeRef(c.address)
      if (!at) throw new XmlError(`Bad cell reference ${c.address.slice(0, 20)}`)
      col = at[1]
    }
    r.previous = col
    r.cells[col - 1] = value
    if (slave !== undefined) slaves.push({ row: r.number, col, master: slave })
    else if (c.formula) formulaText.set(`${r.number}:${col}`, c.formula)
  }

  scanXml(xml, {
    open(name, attrs) {
      depth++
      if (depth === 2 && name === 'sheetData') inSheetData = true
      else if (!inSheetData) return
      else if (depth === 3 && name === 'row') {
        if (++rowsSeen > MAX_ROWS) throw ctx.tooBig()
        row = { number: Number.parseInt(attrs.get('r') ?? '', 10), cells: [], previous: null, count: 0 }
      } else if (depth === 4 && row && name === 'c') {
        const style = attrs.get('s')
        const s = style ? Number.parseInt(style, 10) : 0
        cell = {
          address: attrs.get('r'),
          t: attrs.get('t'),
          styleId: s,
          formula: undefined,
          shareType: undefined,
          si: undefined,
          ref: undefined,
          value: undefined,
          runs: null,
          node: undefined,
        }
      } else if (cell && run) {
        if (name === 't') run.capture = ''
      } else if (cell) {
        if (name === 'f') {
          cell.node = 'f'
          cell.si = attrs.get('si')
          cell.shareType = attrs.get('t')
          cell.ref = attrs.get('ref')
        } else if (name === 'v' || name === 't') cell.node = name
        else if (name === 'r') run = { capture: null }
      }
    },
    text(value) {
      if (!cell) return
      if (run) {
        if (run.capture !== null) run.capture += value
      } else if (cell.node === 'f') cell.formula = (cell.formula ?? '') + value
      else if ((cell.node === 'v' || cell.node === 't') && !cell.runs) cell.value = (cell.value ?? '') + value
    },
    close(name) {
      depth--
      if (depth === 1 && name === 'sheetData') inSheetData = false
      if (!inSheetData) return
      if (cell && run) {
        if (name === 't' && run.capture !== null) {
          run.text = decodeEscapes(run.capture)
          run.capture = null
        } else if (name === 'r') {
          if (cell.value !== undefined) throw new TypeError('Rich text after a plain value')
          cell.runs = [...(cell.runs ?? []), run.text]
          run = null
        }
      } else if (cell && row && depth === 3 && name === 'c') {
        closeCell(row, cell)
        cell = null
        if (++row.count > MAX_COLUMNS) throw ctx.tooBig()
      } else if (cell && (name === 'f' || name === 'v' || name === 'is' || name === 't')) cell.node = undefined
      else if (row && depth === 2 && name === 'row') {
        if (Number.isInteger(row.number) && row.number > 0) rows[row.number - 1] = row.cells
        row = null
      }
    },
  })
  for (const s of slaves) {
    const at = s.master ? decodeRef(s.master) : null
    const cells = at ? rows[at[0] - 1] : undefined
    const own = rows[s.row - 1]
    if (!own || own[s.col - 1] !== NO_TEXT) continue
    if (!s.master || !at || !cells || cells[at[1] - 1] === undefined) {
      own[s.col - 1] = '=undefined'
      continue
    }
    const formula = formulaText.get(`${at[0]}:${at[1]}`)
    if (formula === undefined) throw new TypeError('A shared formula whose master has no formula')
    own[s.col - 1] = `=${slideFormula(formula, `${columnLetters(at[1])}${at[0]}`, `${columnLetters(s.col)}${s.row}`)}`
  }
  let rowCount = rows.length
  while (rowCount > 0 && rows[rowCount - 1] === undefined) rowCount--
  let columnCount = 0
  for (const cells of rows)
    if (cells?.some((v) => v !== null && v !== undefined)) columnCount = Math.max(columnCount, cells.length)
  return {
    rowCount,
    columnCount,
    value: (r, c) => {
      const v = rows[r - 1]?.[c - 1]
      return v === null || v === NO_TEXT ? undefined : v
    },
  }
}

/** The value of a cell that is not a formula, by its type attribute (exceljs's cell xform and its reconcile). */
function cellValue(c: CellState, ctx: SheetContext): Stored {
  const rich = c.runs ? c.runs.map((r) => r ?? '').join('') : null
  const raw = c.value
  switch (c.t) {
    case 's': {
      if (rich !== null) throw new TypeError('Rich text in a shared-string cell')
      const index = Number.parseInt(raw ?? '', 10)
      if (!ctx.shared) return index
      if (!(index >= 0 && index < ctx.shared.length)) throw new TypeError('A shared string that does not exist')
      return ctx.shared[index] ?? NO_TEXT
    }
    case 'str':
      if (rich !== null) throw new TypeError('Rich text in a formula-string cell')
      return excelUtils.xmlDecode(raw ?? '')
    case 'inlineStr':
      return rich ?? raw
    case 'b':
      return rich !== null || Number.parseInt(raw ?? '', 10) !== 0 ? 'true' : 'false'
    case 'e':
      return rich !== null ? '[object Object]' : raw
    default: {
      const n = rich !== null ? Number.NaN : Number.parseFloat(raw ?? '')
      if (c.styleId && ctx.styles.isDate(c.styleId)) return excelUtils.excelToDate(n, ctx.date1904).toISOString()
      return n
    }
  }
}

/** What readCellText gives for the cell: its text, never evaluated; undefined when empty. */
export const cellText = (v: CellValue): string | undefined => (v === undefined ? undefined : String(v))

/** What readCellNumber gives: a number cell, or a text that is exactly a decimal number; else its text. */
export function cellNumber(v: CellValue): number | string | undefined {
  if (typeof v === 'number') return v
  const text = v?.trim()
  if (!text) return undefined
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : text
}
