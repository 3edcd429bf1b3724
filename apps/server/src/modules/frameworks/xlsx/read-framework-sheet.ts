import { CONTENT_LOCALES, type ContentLocale, FRAMEWORK_SCHEMA } from '@thbm/shared'
import { AREA_COLUMNS, FRAMEWORK_FIELDS, type FrameworkField, SHEETS, textAddress } from './layout.ts'
import type { TextReader } from './read-texts.ts'
import type { ReadContext, SheetTable } from './sheet-table.ts'

/** The Framework sheet's rows by field; a missing field row is reported. */
export type FieldRows = Map<FrameworkField, number>

export function findFieldRows(table: SheetTable, ctx: ReadContext): FieldRows {
  const byLabel = new Map<string, number>()
  for (const row of table.rows) {
    const label = table.code(row, 'field')?.toLowerCase()
    if (label !== undefined && !byLabel.has(label)) byLabel.set(label, row)
  }
  const rows: FieldRows = new Map()
  for (const field of Object.keys(FRAMEWORK_FIELDS) as FrameworkField[]) {
    const label = FRAMEWORK_FIELDS[field].label
    const row = byLabel.get(label)
    if (row === undefined)
      ctx.issues.push({
        path: `${SHEETS.framework}!A:A`,
        message: `Missing row "${label}" (column "field") on sheet "${SHEETS.framework}"`,
      })
    else rows.set(field, row)
  }
  return rows
}

/** The base locale, needed before any text can be read; a bad value is reported and 'en' assumed meanwhile. */
export function readBaseLocale(table: SheetTable, rows: FieldRows): ContentLocale {
  const row = rows.get('baseLocale')
  if (row === undefined) return 'en'
  const value = table.choice(row, 'value', CONTENT_LOCALES)
  return (CONTENT_LOCALES as readonly string[]).includes(value ?? '') ? (value as ContentLocale) : 'en'
}

/** The document's head: schema, framework and version, read from the Framework sheet's value column. */
export function readHead(table: SheetTable, rows: FieldRows, base: ContentLocale, texts: TextReader) {
  const row = (field: FrameworkField) => rows.get(field) ?? 0
  const locate = (path: string, field: FrameworkField) => table.locate(path, row(field), 'value')
  const source = (field: FrameworkField) => ({ table, row: row(field), key: 'value' })
  for (const [path, field] of [
    ['schemaVersion', 'schemaVersion'],
    ['framework.code', 'code'],
    ['framework.baseLocale', 'baseLocale'],
    ['version.label', 'label'],
    ['version.basedOn', 'basedOn'],
  ] as const) {
    locate(path, field)
  }
  return {
    schema: FRAMEWORK_SCHEMA,
    schemaVersion: table.number(row('schemaVersion'), 'value'),
    framework: {
      code: table.required(row('code'), 'value'),
      name: texts.text(textAddress.frameworkName, 'framework.name', source('name')),
      baseLocale: base,
    },
    version: {
      label: table.required(row('label'), 'value'),
      basedOn: table.text(row('basedOn'), 'value') ?? null,
      notes: texts.text(textAddress.versionNotes, 'version.notes', source('notes')),
    },
  }
}

/** The Areas sheet, in order; codes must be unique. Returns the areas and the set of their codes. */
export function readAreas(table: SheetTable, texts: TextReader) {
  const seen = new Map<string, number>()
  const areas = table.rows.map((row, i) => {
    const at = `areas[${i}]`
    const code = table.required(row, 'code') ?? ''
    const earlier = seen.get(code)
    if (code && earlier !== undefined) table.fail(row, 'code', `duplicate area code ${code} (also on row ${earlier})`)
    else seen.set(code, row)
    for (const column of AREA_COLUMNS) table.locate(`${at}.${column.key}`, row, column.key)
    table.locate(at, row, 'code')
    return {
      code,
      title: texts.text(textAddress.area(code, 'title'), `${at}.title`, { table, row, key: 'title' }),
      description: texts.text(textAddress.area(code, 'description'), `${at}.description`, {
        table,
        row,
        key: 'description',
      }),
    }
  })
  return { areas, codes: new Set(seen.keys()) }
}
