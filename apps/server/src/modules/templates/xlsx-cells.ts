import { createRequire } from 'node:module'
import { MAX_COLUMNS, MAX_ROWS } from '../frameworks/xlsx/layout.ts'
import { workbookProblems } from '../frameworks/xlsx/load-workbook.ts'
import { unpackXlsx } from '../frameworks/xlsx/zip-guard.ts'
import { type CellValue, decodeEscapes, excelUtils, parseSheet, type SheetCells, type Styles } from './xlsx-sheet.ts'
import { scanXml, XmlError } from './xml-scan.ts'

const defaultNumFormats = createRequire(import.meta.url)('exceljs/lib/xlsx/defaultnumformats.js') as Record<
  string,
  { f?: string }
>

export type { CellValue, SheetCells } from './xlsx-sheet.ts'

/** The problem every unreadable workbook gets, as loadWorkbook words it. */
const UNREADABLE = 'The file could not be read as an XLSX workbook (it may be damaged or in another format)'
const TOO_BIG = `A sheet has more than ${MAX_ROWS} rows or ${MAX_COLUMNS} columns`

class TooBig extends Error {}

/** Parts exceljs parses as XML besides the workbook, styles, shared strings and sheets: they must be well-formed. */
const OTHER_PARSED = [
  /^_rels\/\.rels$/,
  /^docProps\/(app|core)\.xml$/,
  /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/,
  /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/,
  /xl\/(comments\d+)[.]xml/,
  /xl\/tables\/(table\d+)[.]xml/,
  /xl\/drawings\/(vmlDrawing\d+)[.]vml/,
]
const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/

const noop = () => {}

/** The elements of a part, flat: [name, attributes] for each start tag (enough for workbook, rels and styles). */
function elements(xml: string): [string, Record<string, string>][] {
  const out: [string, Record<string, string>][] = []
  scanXml(xml, { open: (name, attrs) => out.push([name, attrs.all()]), close: noop, text: noop })
  return out
}

/**
 * exceljs's shared strings: an `<si>`'s text (`_xHHHH_` decoded; the last `<t>` when there are several), else its
 * rich-text runs joined, else undefined (an empty `<si/>`). Phonetic runs (`<rPh>`) are left out.
 */
function sharedStrings(xml: string): CellValue[] {
  const values: CellValue[] = []
  let depth = 0
  let child = ''
  let text: string | undefined
  let runs: (string | undefined)[] = []
  let capture: string | null = null
  scanXml(xml, {
    open(name) {
      depth++
      if (depth === 1 && name !== 'sst') throw new XmlError(`Unexpected <${name}> in shared strings`)
      if (depth === 2) {
        if (name !== 'si') throw new XmlError(`Unexpected <${name}> in shared strings`)
        text = undefined
        runs = []
      } else if (depth === 3) {
        child = name
        if (name === 't') capture = ''
        else if (name === 'r') runs.push(undefined)
      } else if (depth === 4 && child === 'r' && name === 't') capture = ''
    },
    text(value) {
      if (capture !== null) capture += value
    },
    close(name) {
      if (depth === 3 && name === 't' && capture !== null) text = decodeEscapes(capture)
      else if (depth === 4 && child === 'r' && name === 't' && capture !== null)
        runs[runs.length - 1] = decodeEscapes(capture)
      else if (depth === 2) values.push(text ?? (runs.length ? runs.map((r) => r ?? '').join('') : undefined))
      if (name === 't') capture = null
      depth--
    },
  })
  return values
}

function readStyles(xml: string | undefined): Styles {
  if (!xml) return { isDate: () => false }
  const custom = new Map<number, string>()
  const xfs: number[] = []
  let inCellXfs = false
  let inNumFmts = false
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'numFmts') inNumFmts = true
      else if (inNumFmts && name === 'numFmt') {
        const id = attrs.get('numFmtId')
        const code = attrs.get('formatCode')
        if (id !== undefined && code !== undefined) custom.set(Number.parseInt(id, 10), code.replace(/[\\](.)/g, '$1'))
      } else if (name === 'cellXfs') inCellXfs = true
      else if (inCellXfs && name === 'xf') xfs.push(Number.parseInt(attrs.get('numFmtId') ?? '', 10))
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false
      if (name === 'numFmts') inNumFmts = false
    },
    text: noop,
  })
  const dates = xfs.map((id) => {
    if (!id) return false
    return excelUtils.isDateFmt(custom.get(id) || defaultNumFormats[id]?.f)
  })
  return { isDate: (styleId) => dates[styleId] === true }
}

/**
 * Reads every worksheet of an uploaded workbook the way loadWorkbook (exceljs) does, with its checks: the zip guard,
 * at most MAX_ROWS rows and MAX_COLUMNS columns per sheet, and a readable workbook (well-formed XML in every part
 * exceljs parses, shared strings that exist). Every problem is the same 400 loadWorkbook gives. With `only`, just
 * those sheets are read, after the zip guard (a quick look at a workbook, e.g. its signature).
 */
export function readWorkbookCells(data: Buffer, only?: readonly string[]): Map<string, SheetCells> {
  const parts = unpackXlsx(data)
  if (typeof parts === 'string') throw workbookProblems([{ path: 'file', message: parts }])
  let sheets: Map<string, SheetCells>
  try {
    sheets = readParts(parts, only)
  } catch (err) {
    if (err instanceof TooBig) throw workbookProblems([{ path: 'file', message: TOO_BIG }])
    if (err instanceof XmlError || err instanceof RangeError || err instanceof TypeError)
      throw workbookProblems([{ path: 'file', message: UNREADABLE }])
    throw err
  }
  const issues = [...sheets.values()].flatMap(({ name, rowCount, columnCount }) => [
    ...(rowCount > MAX_ROWS
      ? [{ path: name, message: `Sheet "${name}" has ${rowCount} rows; the limit is ${MAX_ROWS}` }]
      : []),
    ...(columnCount > MAX_COLUMNS
      ? [{ path: name, message: `Sheet "${name}" has ${columnCount} columns; the limit is ${MAX_COLUMNS}` }]
      : []),
  ])
  if (issues.length) throw workbookProblems(issues)
  return sheets
}

function readParts(parts: Map<string, Buffer>, only?: readonly string[]): Map<string, SheetCells> {
  const text = (name: string) => parts.get(name)?.toString('utf8')
  const byName = new Map<string, Buffer>()
  for (const [name, content] of parts) byName.set(name.startsWith('/') ? name.slice(1) : name, content)
  for (const [name, content] of byName)
    if (!only && OTHER_PARSED.some((re) => re.test(name)))
      scanXml(content.toString('utf8'), { open: noop, close: noop, text: noop })
  const workbook = elements(text('xl/workbook.xml') ?? '')
  const date1904 = workbook.some(([n, a]) => n === 'workbookPr' && a.date1904 === '1')
  const rels = new Map<string, string>()
  for (const [n, a] of elements(byName.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '<r/>'))
    if (n === 'Relationship' && a.Id !== undefined && a.Target !== undefined) rels.set(a.Id, a.Target)
  const shared = byName.has('xl/sharedStrings.xml') ? sharedStrings(text('xl/sharedStrings.xml') ?? '') : null
  const styles = readStyles(byName.get('xl/styles.xml')?.toString('utf8'))
  // Sheet name → part, as exceljs maps them (the first sheet of a name wins).
  const named = new Map<string, string>()
  for (const [n, a] of workbook) {
    if (n !== 'sheet' || a.name === undefined || named.has(a.name)) continue
    const target = rels.get(a['r:id'] ?? '')
    if (target !== undefined) named.set(a.name, `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`)
  }
  const wanted = only ? new Set(only.map((n) => named.get(n))) : null
  const parsed = new Map<string, Omit<SheetCells, 'name'>>()
  for (const [name, content] of byName) {
    if (!SHEET_PART.test(name) || (wanted && !wanted.has(name))) continue
    const sheet = parseSheet(content.toString('utf8'), { shared, styles, date1904, tooBig: () => new TooBig() })
    parsed.set(name, sheet)
  }
  const out = new Map<string, SheetCells>()
  for (const [name, part] of named) {
    const sheet = parsed.get(part)
    if (sheet) out.set(name, { name, ...sheet })
  }
  return out
}
