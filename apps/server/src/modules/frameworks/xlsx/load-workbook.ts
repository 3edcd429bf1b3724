import type { Issue } from '@thbm/shared'
import ExcelJS, { type Workbook } from 'exceljs'
import { validationFailed } from '../../../errors.ts'
import { MAX_COLUMNS, MAX_ROWS } from './layout.ts'
import { checkXlsxZip } from './zip-guard.ts'

/**
 * Parts of a sheet exceljs would expand cell by cell (a hostile range like A1:XFD1048576 would hang the server);
 * the import needs none of them.
 */
const IGNORED_NODES = [
  'dataValidations',
  'mergeCells',
  'conditionalFormatting',
  'hyperlinks',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
]

/** The 400 every refused workbook gets: all its issues, and nothing imported. */
export const workbookProblems = (issues: Issue[]) =>
  validationFailed(issues, `The workbook has ${issues.length} problem(s); nothing was imported`)

/**
 * Opens an uploaded workbook with exceljs once the zip has passed the guard. A file exceljs cannot read, or a sheet
 * with more than MAX_ROWS rows or MAX_COLUMNS columns, is refused with a 400 (path `file` or the sheet's name).
 */
export async function loadWorkbook(data: Buffer): Promise<Workbook> {
  const problem = checkXlsxZip(data)
  if (problem) throw workbookProblems([{ path: 'file', message: problem }])
  const workbook = new ExcelJS.Workbook()
  // maxRows and maxCols (counted while parsing) are supported by exceljs but missing from its typings.
  const options = { ignoreNodes: IGNORED_NODES, maxRows: MAX_ROWS, maxCols: MAX_COLUMNS }
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer, options)
  } catch (err) {
    const tooBig = err instanceof Error && /^Max (row|column) count/.test(err.message)
    const message = tooBig
      ? `A sheet has more than ${MAX_ROWS} rows or ${MAX_COLUMNS} columns`
      : 'The file could not be read as an XLSX workbook (it may be damaged or in another format)'
    throw workbookProblems([{ path: 'file', message }])
  }
  // Parsing counts rows present; a single cell far down (row 1,000,000) is caught here.
  const issues: Issue[] = []
  for (const sheet of workbook.worksheets) {
    const { name, rowCount, columnCount } = sheet
    if (rowCount > MAX_ROWS)
      issues.push({ path: name, message: `Sheet "${name}" has ${rowCount} rows; the limit is ${MAX_ROWS}` })
    if (columnCount > MAX_COLUMNS) {
      issues.push({ path: name, message: `Sheet "${name}" has ${columnCount} columns; the limit is ${MAX_COLUMNS}` })
    }
  }
  if (issues.length) throw workbookProblems(issues)
  return workbook
}
