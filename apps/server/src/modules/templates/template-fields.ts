import type { Issue, MeasurementType, SaveAnswerBody } from '@thbm/shared'
import type { ReadRow } from './read-template.ts'
import { ANSWER_FIELDS, type AnswerField, CELL_PREFIX, dataCell, isCellKey } from './template-layout.ts'
import { CHOICE_WORDS, foldWord, NO_DATA_WORDS } from './template-messages.ts'

const NUMBER_FIELDS = new Set<string>(['number', 'numerator', 'denominator'])
const isField = (key: string): key is AnswerField => (ANSWER_FIELDS as readonly string[]).includes(key)

/** A number cell's value, or a problem when it holds text (formulas are never calculated). */
function numberOf(r: ReadRow): { value: number | null } | { issue: Issue } {
  if (r.number === undefined) return { value: null }
  if (typeof r.number === 'number') return { value: r.number }
  const shown = r.text.length > 40 ? `${r.text.slice(0, 40)}…` : r.text
  const hint = r.text.startsWith('=') ? ' (formulas are not calculated)' : ''
  return { issue: { path: dataCell('value', r.row), message: `"${shown}" is not a number${hint}`, code: 'number' } }
}

/**
 * The answer as stored with the changed rows applied: a choice, number or text per field, "no data" from its
 * dropdown word, cells set or (when emptied) removed. A yes / partial / no answer may be a code or a word of any UI
 * language (CHOICE_WORDS, any case). Cells the template did not show are kept, and so is the evidence. Text where a
 * number belongs, a negative part or an unknown "no data" word is a problem at the row's value cell; every row is
 * read, and a field with a problem counts as empty (no "no data" for the word), so that the answer's other checks
 * can still run on the rest.
 */
export function applyRows(
  stored: SaveAnswerBody,
  rows: ReadRow[],
  type?: MeasurementType,
): { body: SaveAnswerBody; issues: Issue[] } {
  const body: SaveAnswerBody = { ...stored, value: { ...stored.value }, cells: [...stored.cells] }
  const issues: Issue[] = []
  for (const r of rows) {
    const text = r.text === '' ? null : r.text
    if (isCellKey(r.key) || NUMBER_FIELDS.has(r.key)) {
      const n = numberOf(r)
      let value = 'issue' in n ? null : n.value
      if ('issue' in n) issues.push(n.issue)
      else if (isCellKey(r.key) && value !== null && value < 0) {
        const path = dataCell('value', r.row)
        issues.push({ path, message: 'A part of a breakdown cannot be negative', code: 'number.negative' })
        value = null
      }
      if (isCellKey(r.key)) setCell(body, r.key.slice(CELL_PREFIX.length), value)
      else body.value = { ...body.value, [r.key]: value }
      continue
    }
    if (!isField(r.key)) continue
    if (r.key === 'choice') {
      const choice = text !== null && type === 'yes_partial_no' ? (CHOICE_WORDS.get(foldWord(text)) ?? text) : text
      body.value = { ...body.value, choice }
    } else if (r.key === 'text') body.value = { ...body.value, text }
    else if (r.key === 'noData') {
      const known = text === null || NO_DATA_WORDS.has(text.toLowerCase())
      if (!known) {
        issues.push({
          path: dataCell('value', r.row),
          message: `Choose "${[...NO_DATA_WORDS][0]}" from the list, or leave the cell empty`,
          code: 'noData',
        })
      }
      body.noData = known && text !== null
    } else if (r.key !== 'number' && r.key !== 'numerator' && r.key !== 'denominator') body[r.key] = text
  }
  return { body, issues }
}

function setCell(body: SaveAnswerBody, key: string, value: number | null): void {
  const at = body.cells.findIndex((c) => c.key === key)
  if (value === null) {
    if (at >= 0) body.cells.splice(at, 1)
  } else if (at >= 0) body.cells[at] = { key, value }
  else body.cells.push({ key, value })
}

/**
 * The sheet row a check or schema path of the body points to (`value.number`, `cells[3].value`, `cells.3.value`,
 * `cells[sex=female]`, `partsExplanation`, `value`); the answer's first row when no row shows that field.
 */
export function rowOfPath(path: string, body: SaveAnswerBody, rows: ReadRow[]): number {
  const byKey = new Map(rows.map((r) => [r.key, r.row]))
  const first = (rows[0] as ReadRow).row
  const cell = /^cells(?:\[(\d+)\]|\.(\d+)|\[([^\]]+)\])/.exec(path)
  if (cell) {
    const key = cell[3] ?? body.cells[Number(cell[1] ?? cell[2])]?.key
    return byKey.get(`${CELL_PREFIX}${key}`) ?? first
  }
  const field = path.replace(/^value\./, '')
  if (field === 'value')
    return ['choice', 'number', 'numerator', 'text'].map((k) => byKey.get(k)).find((r) => r !== undefined) ?? first
  return byKey.get(field) ?? first
}

const NUMBER_PATH = /^(value\.(number|numerator|denominator)|cells\.\d+\.value)$/
const TEXT_PATHS = new Set(['value.text', 'noDataReason', 'narrative', 'partsExplanation', 'changeComment'])

/** A problem of the answer's schema (SaveAnswerBodySchema), as zod reports it. */
interface SchemaProblem {
  path: PropertyKey[]
  code: string
  message: string
  maximum?: unknown
}

/**
 * A problem of the answer's schema (path `value.number`, `cells.3.value`, …) as a template problem with a code the
 * web knows: a number out of range, a text too long. Null for a choice too long: the answer checks report it as an
 * unknown choice.
 */
export function schemaIssue(problem: SchemaProblem): Omit<Issue, 'path'> | null {
  const path = problem.path.map(String).join('.')
  if (path === 'value.choice') return null
  if (NUMBER_PATH.test(path))
    return { code: 'number.range', message: 'This number is outside the range THB Monitor accepts' }
  if (TEXT_PATHS.has(path)) {
    const max = typeof problem.maximum === 'number' ? ` (at most ${problem.maximum} characters)` : ''
    return { code: 'text.tooLong', message: `This text is too long${max}` }
  }
  return { code: problem.code, message: problem.message }
}
