import { CONTENT_LOCALES } from '@thbm/shared'

/**
 * The workbook layout shared by the XLSX writer and reader: sheet names, column headers and text addresses.
 * Columns are found by their header, so changing a header here changes the file format.
 */

/** Largest sheet the reader accepts, in rows and in columns. */
export const MAX_ROWS = 20_000
export const MAX_COLUMNS = 200

export const SHEETS = {
  instructions: 'Instructions',
  framework: 'Framework',
  areas: 'Areas',
  indicators: 'Indicators',
  scales: 'Scales',
  legal: 'Legal references',
  dimensions: 'Custom dimensions',
  translations: 'Translations',
  lists: 'Lists',
} as const

/** The sheets an import needs; Instructions and Lists are for people and dropdowns only. */
export const REQUIRED_SHEETS = [
  SHEETS.framework,
  SHEETS.areas,
  SHEETS.indicators,
  SHEETS.scales,
  SHEETS.legal,
  SHEETS.dimensions,
  SHEETS.translations,
] as const

/** One column of a sheet: the key code uses, the header people see, and its width in characters. */
export interface ColumnSpec {
  readonly key: string
  readonly header: string
  readonly width: number
}

export const FRAMEWORK_COLUMNS = [
  { key: 'field', header: 'field', width: 20 },
  { key: 'value', header: 'value', width: 60 },
  { key: 'meaning', header: 'meaning', width: 80 },
] as const satisfies readonly ColumnSpec[]

/** The rows of the Framework sheet (column "field"), with what each means. */
export const FRAMEWORK_FIELDS = {
  code: {
    label: 'framework code',
    meaning: 'Upper-case code of the framework, e.g. THB-WB. Must match the framework when importing a new version.',
  },
  name: {
    label: 'framework name',
    meaning: 'Name of the framework in the base locale (other languages: Translations sheet, framework:name).',
  },
  baseLocale: {
    label: 'base locale',
    meaning: 'The language every text must have. The other sheets show this language.',
  },
  label: {
    label: 'version label',
    meaning: 'Label of this version, e.g. 2026.1 (letters, digits, dot, dash, underscore).',
  },
  basedOn: {
    label: 'based on',
    meaning: 'Label of the version this one was made from; leave empty for a first version.',
  },
  notes: {
    label: 'version notes',
    meaning: 'Notes on this version in the base locale (other languages: Translations sheet, version:notes).',
  },
  schemaVersion: { label: 'schema version', meaning: 'Version of this file format. Do not change.' },
} as const
export type FrameworkField = keyof typeof FRAMEWORK_FIELDS

export const AREA_COLUMNS = [
  { key: 'code', header: 'code', width: 12 },
  { key: 'title', header: 'title', width: 40 },
  { key: 'description', header: 'description', width: 80 },
] as const satisfies readonly ColumnSpec[]

export const INDICATOR_COLUMNS = [
  { key: 'code', header: 'code', width: 10 },
  { key: 'area', header: 'area', width: 10 },
  { key: 'title', header: 'title', width: 40 },
  { key: 'definition', header: 'definition', width: 60 },
  { key: 'guidance', header: 'guidance', width: 60 },
  { key: 'kind', header: 'kind', width: 12 },
  { key: 'measurement', header: 'measurement type', width: 18 },
  { key: 'currency', header: 'currency', width: 10 },
  { key: 'unit', header: 'unit', width: 16 },
  { key: 'disaggregations', header: 'disaggregations', width: 30 },
  { key: 'core', header: 'core', width: 8 },
  { key: 'frameworkIndicator', header: 'framework indicator', width: 12 },
  { key: 'redFlag', header: 'red flag', width: 9 },
  { key: 'weight', header: 'weight', width: 8 },
  { key: 'topics', header: 'topics', width: 30 },
  { key: 'sources', header: 'sources', width: 24 },
  { key: 'lineageType', header: 'lineage type', width: 12 },
  { key: 'lineageFrom', header: 'lineage from', width: 18 },
] as const satisfies readonly ColumnSpec[]

export const SCALE_COLUMNS = [
  { key: 'indicator', header: 'indicator code', width: 12 },
  { key: 'level', header: 'level', width: 12 },
  { key: 'descriptor', header: 'descriptor', width: 80 },
  { key: 'from', header: 'from', width: 10 },
  { key: 'to', header: 'to', width: 10 },
  { key: 'score', header: 'score', width: 10 },
] as const satisfies readonly ColumnSpec[]

export const LEGAL_COLUMNS = [
  { key: 'indicator', header: 'indicator code', width: 12 },
  { key: 'instrument', header: 'instrument', width: 28 },
  { key: 'article', header: 'article', width: 14 },
  { key: 'title', header: 'title', width: 60 },
] as const satisfies readonly ColumnSpec[]

export const DIMENSION_COLUMNS = [
  { key: 'indicator', header: 'indicator code', width: 12 },
  { key: 'dimension', header: 'dimension code', width: 18 },
  { key: 'dimensionLabel', header: 'dimension label', width: 30 },
  { key: 'category', header: 'category code', width: 18 },
  { key: 'categoryLabel', header: 'category label', width: 30 },
] as const satisfies readonly ColumnSpec[]

/** The Translations sheet's columns: the text address, then one column per content locale. */
export const TRANSLATION_COLUMNS: readonly ColumnSpec[] = [
  { key: 'address', header: 'address', width: 40 },
  ...CONTENT_LOCALES.map((locale) => ({ key: locale, header: locale, width: 40 })),
]

/** Scale rows that are not levels: the count unit, percentage labels, target bands and the empty-bands marker. */
export const SCALE_KEYS = {
  unit: 'unit',
  numerator: 'numerator',
  denominator: 'denominator',
  band: 'band',
  noBands: 'no bands',
} as const
export const RUBRIC_LEVELS = ['0', '1', '2', '3', '4'] as const
export const YES_PARTIAL_NO = ['yes', 'partial', 'no'] as const

/** Addresses of texts on the Translations sheet, e.g. `indicator:IDN-3:level:2`. */
export const textAddress = {
  frameworkName: 'framework:name',
  versionNotes: 'version:notes',
  area: (code: string, field: 'title' | 'description') => `area:${code}:${field}`,
  indicator: (code: string, field: 'title' | 'definition' | 'guidance' | 'unit') => `indicator:${code}:${field}`,
  level: (code: string, key: string) => `indicator:${code}:level:${key}`,
  dimension: (code: string, dimension: string) => `indicator:${code}:dimension:${dimension}`,
  category: (code: string, dimension: string, category: string) =>
    `indicator:${code}:dimension:${dimension}:category:${category}`,
}

/** Column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** A cell reference as issues show it: `Indicators!F12`. */
export function cellRef(sheet: string, column: number, row: number): string {
  return `${sheet}!${columnLetter(column)}${row}`
}
