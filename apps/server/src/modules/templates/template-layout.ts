import { TEMPLATE_UPLOAD_MAX_BYTES } from '@thbm/shared'
import { columnLetter, MAX_ROWS } from '../frameworks/xlsx/layout.ts'

/**
 * The layout of a data-collection template, shared by its writer and reader. The Data sheet has one row per
 * indicator × organisation × field; only the value column is editable. Changing anything here changes the format:
 * bump TEMPLATE_FORMAT_VERSION, and templates downloaded before are refused.
 */
export const TEMPLATE_FORMAT = 'thbm.template'
export const TEMPLATE_FORMAT_VERSION = 1
export const TEMPLATE_UPLOAD_BYTES = TEMPLATE_UPLOAD_MAX_BYTES

/** Most data rows a template may have (and most rows any sheet of an upload may declare). */
export const MAX_TEMPLATE_ROWS = MAX_ROWS

export const TEMPLATE_SHEETS = { instructions: 'Instructions', data: 'Data', signature: 'Signature' } as const

/** Columns of the Data sheet, in order. `key` is technical; `ref` is hidden (organisation, version, check). */
export const DATA_COLUMNS = [
  'organisation',
  'code',
  'indicator',
  'measurement',
  'help',
  'breakdown',
  'key',
  'value',
  'ref',
] as const
export type DataColumn = (typeof DATA_COLUMNS)[number]

export const WIDTHS: Record<DataColumn, number> = {
  organisation: 24,
  code: 10,
  indicator: 40,
  measurement: 16,
  help: 50,
  breakdown: 36,
  key: 22,
  value: 24,
  ref: 12,
}

/** The 1-based column number and letter of a Data column. */
export const columnOf = (c: DataColumn): number => DATA_COLUMNS.indexOf(c) + 1
export const letterOf = (c: DataColumn): string => columnLetter(columnOf(c))

/** A cell address for error paths, e.g. `Data!H12`. */
export const dataCell = (c: DataColumn, row: number): string => `${TEMPLATE_SHEETS.data}!${letterOf(c)}${row}`

/** Fields of an answer, one row each; cells are `cell:<cell key>`. */
export const ANSWER_FIELDS = [
  'choice',
  'number',
  'numerator',
  'denominator',
  'text',
  'noData',
  'noDataReason',
  'narrative',
  'partsExplanation',
  'changeComment',
] as const
export type AnswerField = (typeof ANSWER_FIELDS)[number]
export type FieldKey = AnswerField | `cell:${string}`

export const CELL_PREFIX = 'cell:'
export const isCellKey = (key: string): key is `cell:${string}` => key.startsWith(CELL_PREFIX)

/** The rows of the Signature sheet (column A names, column B values), in order. */
export const SIGNATURE_FIELDS = [
  'format',
  'formatVersion',
  'roundId',
  'country',
  'frameworkVersionId',
  'organisations',
  'language',
  'rows',
  'structureHash',
  'createdAt',
] as const
export type SignatureField = (typeof SIGNATURE_FIELDS)[number]
export const signatureCell = (field: SignatureField): string =>
  `${TEMPLATE_SHEETS.signature}!B${SIGNATURE_FIELDS.indexOf(field) + 1}`
