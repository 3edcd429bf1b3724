import type { LocalizedText, MeasurementType } from '@thbm/shared'
import { RUBRIC_LEVELS, SCALE_KEYS, SHEETS, textAddress, YES_PARTIAL_NO } from './layout.ts'
import type { IndicatorEntry } from './read-indicators.ts'
import type { TextReader } from './read-texts.ts'
import type { SheetTable } from './sheet-table.ts'

const BANDS = [SCALE_KEYS.band, SCALE_KEYS.noBands]
const ALLOWED_KEYS: Record<MeasurementType, readonly string[]> = {
  rubric: RUBRIC_LEVELS,
  yes_partial_no: YES_PARTIAL_NO,
  count: [SCALE_KEYS.unit, ...BANDS],
  percentage: [SCALE_KEYS.numerator, SCALE_KEYS.denominator, ...BANDS],
  amount: [],
  text: [],
}

/** Scale rows by indicator code, in order; `key` is the level as typed, trimmed and lower-cased. */
export type ScaleRows = Map<string, { row: number; key: string }[]>

/** Groups the Scales sheet by indicator; a row for an indicator that is not on the Indicators sheet is reported. */
export function groupScales(table: SheetTable, codes: ReadonlySet<string>): ScaleRows {
  const groups: ScaleRows = new Map()
  for (const row of table.rows) {
    const code = table.required(row, 'indicator')
    const key = table.required(row, 'level')?.toLowerCase()
    if (code === undefined || key === undefined) continue
    if (!codes.has(code)) {
      table.fail(row, 'indicator', `unknown indicator code '${code}' (not on the Indicators sheet)`)
      continue
    }
    const rows = groups.get(code) ?? []
    rows.push({ row, key })
    groups.set(code, rows)
  }
  return groups
}

/**
 * Builds an indicator's measurement from its type (Indicators sheet) and its scale rows: every level a rubric or
 * yes/partial/no scale needs must be there; rows that do not fit the type are reported.
 */
export function readMeasurement(
  entry: IndicatorEntry,
  rows: { row: number; key: string }[],
  scales: SheetTable,
  indicators: SheetTable,
  texts: TextReader,
) {
  const { type, code } = entry
  const at = `${entry.path}.measurement`
  indicators.locate(at, entry.row, 'measurement')
  if (type === undefined) return { type: entry.typeText }
  const byKey = new Map<string, number>()
  for (const { row, key } of rows) {
    const allowed = ALLOWED_KEYS[type]
    if (!allowed.includes(key)) {
      const expected = allowed.length ? `expected ${allowed.join(', ')}` : `${type} indicators have no scale rows`
      scales.fail(row, 'level', `'${key}' is not a level of ${code}, a ${type} indicator (${expected})`)
    } else if (key !== SCALE_KEYS.band && byKey.has(key)) {
      scales.fail(row, 'level', `level '${key}' of ${code} appears twice (also on row ${byKey.get(key)})`)
    } else if (key !== SCALE_KEYS.band) byKey.set(key, row)
  }
  const text = (key: string, path: string) => {
    const row = byKey.get(key)
    return row === undefined
      ? undefined
      : texts.text(textAddress.level(code, key), path, { table: scales, row, key: 'descriptor' })
  }
  const optional = (key: string, path: string) => {
    const row = byKey.get(key)
    const source = row === undefined ? null : { table: scales, row, key: 'descriptor' }
    return texts.optional(textAddress.level(code, key), path, source, row !== undefined)
  }
  const requireAll = (keys: readonly string[]) => {
    const missing = keys.filter((key) => !byKey.has(key))
    if (missing.length)
      indicators.fail(
        entry.row,
        'measurement',
        `${type} ${code} needs levels ${keys.join(', ')} on sheet "${SHEETS.scales}"; missing: ${missing.join(', ')}`,
      )
  }
  switch (type) {
    case 'rubric': {
      requireAll(RUBRIC_LEVELS)
      const levels = RUBRIC_LEVELS.map((key, i) => text(key, `${at}.levels[${i}]`))
      return { type, levels: levels.filter((level): level is LocalizedText => level !== undefined) }
    }
    case 'yes_partial_no': {
      requireAll(YES_PARTIAL_NO)
      const [yes, partial, no] = YES_PARTIAL_NO.map((key) => text(key, `${at}.descriptors.${key}`))
      return { type, descriptors: { yes, partial, no } }
    }
    case 'count':
      return withDefined({
        type,
        unit: optional(SCALE_KEYS.unit, `${at}.unit`),
        targetBands: readBands(entry, rows, scales, byKey),
      })
    case 'percentage':
      return withDefined({
        type,
        numeratorLabel: optional(SCALE_KEYS.numerator, `${at}.numeratorLabel`),
        denominatorLabel: optional(SCALE_KEYS.denominator, `${at}.denominatorLabel`),
        targetBands: readBands(entry, rows, scales, byKey),
      })
    case 'amount':
      return { type, currency: entry.currency }
    case 'text':
      return { type }
    default: {
      const never: never = type
      throw new Error(`Unknown measurement type ${String(never)}`)
    }
  }
}

/** Target bands in row order; a lone "no bands" row means an empty list, no rows means none at all. */
function readBands(
  entry: IndicatorEntry,
  rows: { row: number; key: string }[],
  scales: SheetTable,
  byKey: Map<string, number>,
) {
  const bandRows = rows.filter((r) => r.key === SCALE_KEYS.band)
  const marker = byKey.get(SCALE_KEYS.noBands)
  if (marker !== undefined && bandRows.length)
    scales.fail(marker, 'level', `'${SCALE_KEYS.noBands}' cannot go with '${SCALE_KEYS.band}' rows`)
  if (!bandRows.length) return marker === undefined ? undefined : []
  return bandRows.map(({ row }, i) => {
    const path = `${entry.path}.measurement.targetBands[${i}]`
    scales.locate(path, row, 'level')
    for (const key of ['from', 'to', 'score']) scales.locate(`${path}.${key}`, row, key)
    return { from: scales.number(row, 'from'), to: scales.number(row, 'to'), score: scales.number(row, 'score') }
  })
}

/** Drops undefined properties, so optional fields are absent rather than present and undefined. */
function withDefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
