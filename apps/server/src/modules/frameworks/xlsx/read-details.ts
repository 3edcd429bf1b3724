import { LEGAL_INSTRUMENTS, type LocalizedText } from '@thbm/shared'
import { textAddress } from './layout.ts'
import type { IndicatorEntry } from './read-indicators.ts'
import type { TextReader } from './read-texts.ts'
import type { SheetTable } from './sheet-table.ts'

/** Rows of a details sheet by indicator code, in order; rows for unknown indicators are reported. */
export function groupByIndicator(table: SheetTable, codes: ReadonlySet<string>): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  for (const row of table.rows) {
    const code = table.required(row, 'indicator')
    if (code === undefined) continue
    if (!codes.has(code)) {
      table.fail(row, 'indicator', `unknown indicator code '${code}' (not on the Indicators sheet)`)
      continue
    }
    groups.set(code, [...(groups.get(code) ?? []), row])
  }
  return groups
}

/** An indicator's legal references from its rows on the Legal references sheet, in order. */
export function readLegalReferences(entry: IndicatorEntry, rows: number[], table: SheetTable) {
  return rows.map((row, i) => {
    const path = `${entry.path}.legalReferences[${i}]`
    table.locate(path, row, 'instrument')
    for (const key of ['instrument', 'article', 'title']) table.locate(`${path}.${key}`, row, key)
    const title = table.text(row, 'title')
    return {
      instrument: table.choice(row, 'instrument', LEGAL_INSTRUMENTS),
      article: table.text(row, 'article') ?? '',
      ...(title !== undefined && { title }),
    }
  })
}

/**
 * An indicator's custom dimensions from its rows on the Custom dimensions sheet (one row per category, grouped by
 * dimension code in order of first appearance). The dimension label is taken from its first row that has one.
 */
export function readCustomDimensions(entry: IndicatorEntry, rows: number[], table: SheetTable, texts: TextReader) {
  const groups = new Map<string, number[]>()
  for (const row of rows) {
    const dimension = table.required(row, 'dimension')
    if (dimension !== undefined) groups.set(dimension, [...(groups.get(dimension) ?? []), row])
  }
  return [...groups].map(([code, dimensionRows], j) => {
    const path = `${entry.path}.customDimensions[${j}]`
    const first = dimensionRows[0] ?? 0
    const labelRow = labelRowOf(dimensionRows, table)
    table.locate(path, first, 'dimension')
    table.locate(`${path}.code`, first, 'dimension')
    table.locate(`${path}.categories`, first, 'category')
    const label: LocalizedText = texts.text(textAddress.dimension(entry.code, code), `${path}.label`, {
      table,
      row: labelRow,
      key: 'dimensionLabel',
    })
    const seen = new Map<string, number>()
    const categories = dimensionRows.map((row, k) => {
      const at = `${path}.categories[${k}]`
      const category = table.required(row, 'category') ?? ''
      const earlier = seen.get(category)
      if (category && earlier !== undefined)
        table.fail(row, 'category', `duplicate category ${category} of ${code} (also on row ${earlier})`)
      else seen.set(category, row)
      table.locate(at, row, 'category')
      table.locate(`${at}.code`, row, 'category')
      const address = textAddress.category(entry.code, code, category)
      return { code: category, label: texts.text(address, `${at}.label`, { table, row, key: 'categoryLabel' }) }
    })
    return { code, label, categories }
  })
}

/** The row holding the dimension label: the first with a label; a different label on a later row is reported. */
function labelRowOf(rows: number[], table: SheetTable): number {
  const labelled = rows.filter((row) => table.text(row, 'dimensionLabel')?.trim())
  const first = labelled[0]
  if (first === undefined) return rows[0] ?? 0
  const label = table.text(first, 'dimensionLabel')
  for (const row of labelled.slice(1)) {
    if (table.text(row, 'dimensionLabel') !== label)
      table.fail(row, 'dimensionLabel', `differs from the label on row ${first}; a dimension has one label`)
  }
  return first
}
