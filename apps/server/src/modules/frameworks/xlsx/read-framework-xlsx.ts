import { type FrameworkDoc, type Issue, parseFrameworkJson } from '@thbm/shared'
import type { Workbook } from 'exceljs'
import {
  AREA_COLUMNS,
  type ColumnSpec,
  DIMENSION_COLUMNS,
  FRAMEWORK_COLUMNS,
  INDICATOR_COLUMNS,
  LEGAL_COLUMNS,
  SCALE_COLUMNS,
  SHEETS,
  TRANSLATION_COLUMNS,
} from './layout.ts'
import { loadWorkbook, workbookProblems } from './load-workbook.ts'
import { groupByIndicator, readCustomDimensions, readLegalReferences } from './read-details.ts'
import { type FieldRows, findFieldRows, readAreas, readBaseLocale, readHead } from './read-framework-sheet.ts'
import { readIndicators } from './read-indicators.ts'
import { groupScales, readMeasurement } from './read-scales.ts'
import { readTexts } from './read-texts.ts'
import { type Location, openTable, type ReadContext, type SheetTable } from './sheet-table.ts'

/**
 * Reads a workbook written by writeFrameworkXlsx (and edited by people). Everything is checked before anything is
 * returned; every problem is thrown at once as a 400 whose issues point at cells, e.g. path `Indicators!G12`.
 */
export async function readFrameworkXlsx(data: Buffer): Promise<FrameworkDoc> {
  const workbook = await loadWorkbook(data)
  const ctx: ReadContext = { issues: [], where: new Map() }
  const tables = openTables(workbook, ctx)
  const fieldRows = tables.framework ? findFieldRows(tables.framework, ctx) : null
  // Without every sheet, column and field row, row-level checks would only add noise: report the structure first.
  if (ctx.issues.length || !fieldRows) throw workbookProblems(ctx.issues)
  const candidate = assemble(opened(tables), fieldRows, ctx)
  const parsed = parseFrameworkJson(candidate)
  const issues = [...ctx.issues, ...schemaIssues(parsed.issues, ctx)]
  if (issues.length || parsed.doc === null) throw workbookProblems(issues)
  return parsed.doc
}

function openTables(workbook: Workbook, ctx: ReadContext) {
  const open = (sheet: string, columns: readonly ColumnSpec[]) => openTable(workbook, sheet, columns, ctx)
  return {
    // The "meaning" column is for people; an import works without it.
    framework: open(
      SHEETS.framework,
      FRAMEWORK_COLUMNS.filter((c) => c.key !== 'meaning'),
    ),
    areas: open(SHEETS.areas, AREA_COLUMNS),
    indicators: open(SHEETS.indicators, INDICATOR_COLUMNS),
    scales: open(SHEETS.scales, SCALE_COLUMNS),
    legal: open(SHEETS.legal, LEGAL_COLUMNS),
    dimensions: open(SHEETS.dimensions, DIMENSION_COLUMNS),
    translations: open(SHEETS.translations, TRANSLATION_COLUMNS),
  }
}

type Tables = { [K in keyof ReturnType<typeof openTables>]: SheetTable }

/** The tables once every sheet opened (a sheet that did not was reported, and reading stopped before this). */
function opened(tables: ReturnType<typeof openTables>): Tables {
  for (const [name, table] of Object.entries(tables)) if (!table) throw new Error(`Sheet ${name} was not opened`)
  return tables as Tables
}

/** Reads every sheet into a document-shaped object (keys in schema order) for parseFrameworkJson to check. */
function assemble(tables: Tables, fieldRows: FieldRows, ctx: ReadContext) {
  ctx.where.set('areas', { ref: SHEETS.areas })
  ctx.where.set('indicators', { ref: SHEETS.indicators })
  const base = readBaseLocale(tables.framework, fieldRows)
  const texts = readTexts(tables.translations, base)
  const head = readHead(tables.framework, fieldRows, base, texts)
  const areas = readAreas(tables.areas, texts)
  const entries = readIndicators(tables.indicators, areas.codes, texts)
  const codes = new Set(entries.map((e) => e.code))
  const scaleRows = groupScales(tables.scales, codes)
  const legalRows = groupByIndicator(tables.legal, codes)
  const dimensionRows = groupByIndicator(tables.dimensions, codes)
  const indicators = entries.map((entry) => {
    const { area, title, definition, guidance, kind, unit, ...rest } = entry.fields
    return {
      code: entry.code,
      area,
      title,
      definition,
      guidance,
      kind,
      measurement: readMeasurement(entry, scaleRows.get(entry.code) ?? [], tables.scales, tables.indicators, texts),
      ...(unit !== undefined && { unit }),
      disaggregations: rest.disaggregations,
      customDimensions: readCustomDimensions(entry, dimensionRows.get(entry.code) ?? [], tables.dimensions, texts),
      legalReferences: readLegalReferences(entry, legalRows.get(entry.code) ?? [], tables.legal),
      sources: rest.sources,
      topics: rest.topics,
      core: rest.core,
      frameworkIndicator: rest.frameworkIndicator,
      redFlag: rest.redFlag,
      weight: rest.weight,
      lineage: rest.lineage,
    }
  })
  texts.reportUnused()
  return { ...head, areas: areas.areas, indicators }
}

/** Schema issues moved from JSON paths to the cells they were read from; a cell already reported is not repeated. */
function schemaIssues(issues: Issue[], ctx: ReadContext): Issue[] {
  const reported = new Set(ctx.issues.map((i) => i.path))
  const out: Issue[] = []
  for (const issue of issues) {
    const location = locate(issue.path, ctx)
    if (reported.has(location.ref)) continue
    reported.add(location.ref)
    out.push({ path: location.ref, message: `${location.header ?? issue.path}: ${issue.message}` })
  }
  return out
}

/** The cell of a JSON path, or of its nearest parent that has one (`indicators[2].title.sq` → Translations!E9). */
function locate(path: string, ctx: ReadContext): Location {
  let current = path
  while (current) {
    const found = ctx.where.get(current)
    if (found) return found
    const parent = current.replace(/(\.[^.[\]]+|\[\d+\])$/, '')
    if (parent === current) break
    current = parent
  }
  return { ref: 'file' }
}
