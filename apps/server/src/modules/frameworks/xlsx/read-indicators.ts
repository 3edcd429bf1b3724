import {
  INDICATOR_KINDS,
  LINEAGE_TYPES,
  MEASUREMENT_TYPES,
  type MeasurementType,
  ORGANISATION_TYPES,
  STANDARD_DIMENSION_CODES,
  TOPICS,
} from '@thbm/shared'
import { parseList } from './cell-text.ts'
import { INDICATOR_COLUMNS, textAddress } from './layout.ts'
import type { TextReader } from './read-texts.ts'
import type { SheetTable } from './sheet-table.ts'

/** One row of the Indicators sheet, read; measurement, dimensions and references are added from the other sheets. */
export interface IndicatorEntry {
  row: number
  /** JSON path of the indicator, e.g. `indicators[3]`. */
  path: string
  code: string
  /** The measurement type when it is a known one; otherwise the issue is already reported. */
  type: MeasurementType | undefined
  typeText: string | undefined
  currency: string | undefined
  fields: IndicatorFields
}

type IndicatorFields = ReturnType<typeof readFields>

/** Reads the Indicators sheet in order; codes must be unique and areas must exist on the Areas sheet. */
export function readIndicators(table: SheetTable, areaCodes: ReadonlySet<string>, texts: TextReader): IndicatorEntry[] {
  const seen = new Map<string, number>()
  return table.rows.map((row, i) => {
    const path = `indicators[${i}]`
    const code = table.required(row, 'code') ?? ''
    const earlier = seen.get(code)
    if (code && earlier !== undefined)
      table.fail(row, 'code', `duplicate indicator code ${code} (also on row ${earlier})`)
    else seen.set(code, row)
    table.locate(path, row, 'code')
    for (const column of INDICATOR_COLUMNS) table.locate(`${path}.${column.key}`, row, column.key)
    table.locate(`${path}.measurement.type`, row, 'measurement')
    table.locate(`${path}.measurement.currency`, row, 'currency')
    table.locate(`${path}.lineage`, row, 'lineageType')
    table.locate(`${path}.lineage.type`, row, 'lineageType')
    table.locate(`${path}.lineage.from`, row, 'lineageFrom')
    const typeText = table.choice(row, 'measurement', MEASUREMENT_TYPES)
    const type = MEASUREMENT_TYPES.find((t) => t === typeText)
    const currency = table.code(row, 'currency')
    if (currency !== undefined && type !== undefined && type !== 'amount')
      table.fail(row, 'currency', `only amount indicators have a currency (this one is ${type})`)
    if (currency === undefined && type === 'amount')
      table.fail(row, 'currency', 'required for an amount indicator, but the cell is empty')
    return { row, path, code, type, typeText, currency, fields: readFields(table, row, path, code, areaCodes, texts) }
  })
}

function readFields(
  table: SheetTable,
  row: number,
  path: string,
  code: string,
  areaCodes: ReadonlySet<string>,
  texts: TextReader,
) {
  const area = table.required(row, 'area')
  if (area !== undefined && !areaCodes.has(area))
    table.fail(row, 'area', `unknown area code '${area}' (not on the Areas sheet)`)
  const source = (key: string) => ({ table, row, key })
  return {
    area,
    title: texts.text(textAddress.indicator(code, 'title'), `${path}.title`, source('title')),
    definition: texts.text(textAddress.indicator(code, 'definition'), `${path}.definition`, source('definition')),
    guidance: texts.text(textAddress.indicator(code, 'guidance'), `${path}.guidance`, source('guidance')),
    kind: table.choice(row, 'kind', INDICATOR_KINDS),
    unit: texts.optional(textAddress.indicator(code, 'unit'), `${path}.unit`, source('unit')),
    disaggregations: readList(table, row, 'disaggregations', STANDARD_DIMENSION_CODES),
    sources: readList(table, row, 'sources', ORGANISATION_TYPES),
    topics: readList(table, row, 'topics', TOPICS),
    core: readFlag(table, row, 'core'),
    frameworkIndicator: readFlag(table, row, 'frameworkIndicator'),
    redFlag: readFlag(table, row, 'redFlag'),
    weight: table.number(row, 'weight'),
    lineage: { type: table.choice(row, 'lineageType', LINEAGE_TYPES), from: readList(table, row, 'lineageFrom') },
  }
}

/** A yes/no cell (TRUE/FALSE as typed in a spreadsheet are accepted too). */
function readFlag(table: SheetTable, row: number, key: string): boolean | string | undefined {
  const value = table.code(row, key)?.toLowerCase()
  if (value === 'yes' || value === 'true') return true
  if (value === 'no' || value === 'false') return false
  table.fail(
    row,
    key,
    value === undefined
      ? 'required (yes or no), but the cell is empty'
      : `unknown value '${value}' (expected yes or no)`,
  )
  return value
}

/** A list cell; with `options`, every item must be one of them (case-insensitive). */
function readList(table: SheetTable, row: number, key: string, options?: readonly string[]): string[] {
  const parsed = parseList(table.text(row, key))
  if ('error' in parsed) {
    table.fail(row, key, parsed.error)
    return []
  }
  if (!options) return parsed.items
  return parsed.items.map((item) => {
    const match = options.find((option) => option.toLowerCase() === item.toLowerCase())
    if (match === undefined) table.fail(row, key, `unknown value '${item}' (expected some of ${options.join(', ')})`)
    return match ?? item
  })
}
