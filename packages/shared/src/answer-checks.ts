import type { AnswerCheck, AnswerValue, SaveAnswerBody } from './answers.ts'
import { CHOICES, dimensionsOf, parseCellKey } from './answers.ts'
import type { IndicatorDoc } from './framework.ts'
import { detectPersonalData } from './personal-data.ts'

type Ind = Pick<IndicatorDoc, 'measurement' | 'disaggregations' | 'customDimensions'>
const err = (path: string, code: string, message: string): AnswerCheck => ({ path, code, severity: 'error', message })
const warn = (path: string, code: string, message: string): AnswerCheck => ({
  path,
  code,
  severity: 'warning',
  message,
})

/** Value problems by the indicator's measurement: wrong kind, out of range, a percentage above 100 %. */
function checkValue(ind: Ind, v: AnswerValue, complete: boolean): AnswerCheck[] {
  const out: AnswerCheck[] = []
  const m = ind.measurement
  if (m.type === 'yes_partial_no' || m.type === 'rubric') {
    const allowed: readonly string[] = CHOICES[m.type]
    if (v.choice !== null && !allowed.includes(v.choice))
      out.push(err('value.choice', 'choice.invalid', `Choose one of ${allowed.join(', ')}`))
    if (complete && v.choice === null) out.push(err('value.choice', 'required', 'Choose a level'))
  }
  if (m.type === 'count' || m.type === 'amount') {
    if (v.number !== null && v.number < 0)
      out.push(err('value.number', 'number.negative', 'A count or amount cannot be negative'))
    if (m.type === 'count' && v.number !== null && !Number.isInteger(v.number))
      out.push(err('value.number', 'number.whole', 'A count is a whole number'))
  }
  if (m.type === 'percentage') {
    for (const f of ['numerator', 'denominator'] as const) {
      if (v[f] !== null && (v[f] as number) < 0) out.push(err(`value.${f}`, 'number.negative', 'Cannot be negative'))
      if (complete && v[f] === null) out.push(err(`value.${f}`, 'required', 'Required'))
    }
    if (v.denominator === 0) out.push(err('value.denominator', 'number.zero', 'The denominator must be above zero'))
    if (v.numerator !== null && v.denominator !== null && v.numerator > v.denominator) {
      out.push(
        err('value.numerator', 'percentage.over100', 'The numerator is larger than the denominator (over 100 %)'),
      )
    }
  }
  if (m.type === 'text' && complete && !v.text?.trim()) out.push(err('value.text', 'required', 'Write the answer'))
  return out
}

/** A cell with its parts in the order of formatCellKey (dimensions sorted once per check, not per cell). */
interface KnownCell {
  key: string
  dims: string[]
  categories: string[]
  value: number
}

/**
 * Cell problems: unknown dimensions or categories, and parts that do not add up to the total they break down. Plain
 * loops: it runs on every save, for every cell and dimension.
 */
function checkCells(ind: Ind, body: Pick<SaveAnswerBody, 'cells' | 'value'>): AnswerCheck[] {
  const out: AnswerCheck[] = []
  const dims = dimensionsOf(ind)
  const sortedDims = [...dims.keys()].sort(byLocale)
  const known = new Map<string, KnownCell>()
  for (let i = 0; i < body.cells.length; i++) {
    const cell = body.cells[i] as SaveAnswerBody['cells'][number]
    const parsed = parseCellKey(cell.key)
    let bad = !parsed
    if (parsed) for (const [d, c] of parsed) if (!dims.get(d)?.includes(c)) bad = true
    if (bad || !parsed) {
      out.push(err(`cells[${i}].key`, 'cell.unknown', `${cell.key} is not a category of this indicator`))
      continue
    }
    const partDims: string[] = []
    const partCategories: string[] = []
    for (const d of sortedDims) {
      const c = parsed.get(d)
      if (c === undefined) continue
      partDims.push(d)
      partCategories.push(c)
    }
    const key = keyOf(partDims, partCategories, -1)
    if (known.has(key)) out.push(err(`cells[${i}].key`, 'cell.duplicate', `${cell.key} is given twice`))
    else {
      if (ind.measurement.type === 'count' && !Number.isInteger(cell.value))
        out.push(err(`cells[${i}].value`, 'number.whole', 'A count is a whole number'))
      known.set(key, { key, dims: partDims, categories: partCategories, value: cell.value })
    }
  }
  if (dims.has('victim_status') && body.value.number !== null) {
    out.push(err('value.number', 'status.mixed', 'Give identified and presumed victims separately, never one total'))
  }
  // For every given cell (and the grand total), the parts along one more dimension must not exceed it, and must
  // equal it when every category of that dimension is given.
  const parents = [...known.values()]
  if (body.value.number !== null) parents.push({ key: '', dims: [], categories: [], value: body.value.number })
  // Each given cell is a part of the cell without one of its dimensions: index the parts by that parent and
  // dimension once, instead of formatting every possible child key of every parent.
  const partsOf = new Map<string, Map<string, { category: string; value: number }[]>>()
  for (const cell of parents)
    for (let j = 0; j < cell.dims.length; j++) {
      const parentKey = keyOf(cell.dims, cell.categories, j)
      const dim = cell.dims[j] as string
      const part = { category: cell.categories[j] as string, value: cell.value }
      let byDim = partsOf.get(parentKey)
      if (!byDim) {
        byDim = new Map()
        partsOf.set(parentKey, byDim)
      }
      const list = byDim.get(dim)
      if (list) list.push(part)
      else byDim.set(dim, [part])
    }
  const statusSplit = dims.has('victim_status')
  for (const parent of parents) {
    const byDim = partsOf.get(parent.key)
    if (!byDim) continue
    const hasStatus = parent.dims.includes('victim_status')
    for (const [dim, categories] of dims) {
      if (parent.dims.includes(dim) || (dim !== 'victim_status' && statusSplit && !hasStatus)) continue
      const parts = byDim.get(dim)
      if (!parts) continue
      // In category order, so the sum is the same to the last bit.
      const ordered = parts.map((p) => ({ at: categories.indexOf(p.category), value: p.value })).sort(byAt)
      let sum = 0
      for (const p of ordered) sum += p.value
      const total = parent.value
      const where = parent.key ? `cells[${parent.key}]` : 'value.number'
      if (sum > total || (ordered.length === categories.length && sum !== total)) {
        out.push(warn(where, 'parts.mismatch', `The ${dim} breakdown adds up to ${sum}, not ${total}`))
      }
    }
  }
  return out
}

const byLocale = (a: string, b: string) => a.localeCompare(b)
const byAt = (a: { at: number }, b: { at: number }) => a.at - b.at

/** The key (`dim=cat;dim=cat`) of a cell's parts, leaving out the part at `skip` (none when -1). */
function keyOf(dims: string[], categories: string[], skip: number): string {
  let key = ''
  for (let i = 0; i < dims.length; i++) {
    if (i === skip) continue
    key += `${key ? ';' : ''}${dims[i]}=${categories[i]}`
  }
  return key
}

/**
 * Every check of an answer. `complete` (on submission) also requires a value, an explanation for parts that do not add
 * up, and a comment for a large change from the previous round. Errors block saving; warnings block only submission
 * when they need an explanation that is missing.
 */
export function checkAnswer(
  ind: Ind,
  body: SaveAnswerBody,
  options: { complete: boolean; previous: number | null; changeThreshold: number },
): AnswerCheck[] {
  const privacy = personalDataWarnings(body)
  if (body.noData) {
    return [
      ...privacy,
      ...(options.complete && !body.noDataReason
        ? [err('noDataReason', 'required', 'Say why the data is not available')]
        : []),
    ]
  }
  const out = [...privacy, ...checkValue(ind, body.value, options.complete), ...checkCells(ind, body)]
  const m = ind.measurement.type
  if (options.complete && (m === 'count' || m === 'amount') && body.value.number === null && body.cells.length === 0) {
    out.push(
      dimensionsOf(ind).has('victim_status')
        ? err(
            'cells',
            'required',
            'Give the number of identified or presumed victims, or mark the data as not available',
          )
        : err('value.number', 'required', 'Give the figure, or mark the data as not available'),
    )
  }
  if (options.complete && out.some((c) => c.code === 'parts.mismatch') && !body.partsExplanation) {
    out.push(err('partsExplanation', 'required', 'Explain why the parts do not add up'))
  }
  const current =
    ind.measurement.type === 'percentage' && body.value.denominator
      ? (body.value.numerator ?? 0) / body.value.denominator
      : body.value.number
  if (options.previous !== null && current !== null) {
    const change = Math.abs(current - options.previous) / Math.max(Math.abs(options.previous), 1)
    if (change > options.changeThreshold) {
      out.push(warn('value', 'change.large', `Changed by ${Math.round(change * 100)} % since the previous round`))
      if (options.complete && !body.changeComment)
        out.push(err('changeComment', 'required', 'Comment on the change since the previous round'))
    }
  }
  return out
}

/** Free-text fields that look like personal data: a warning each, never an error. */
function personalDataWarnings(body: SaveAnswerBody): AnswerCheck[] {
  const fields: [string, string | null][] = [
    ['narrative', body.narrative],
    ['value.text', body.value.text],
    ['noDataReason', body.noDataReason],
    ['partsExplanation', body.partsExplanation],
    ['changeComment', body.changeComment],
  ]
  return fields.flatMap(([path, text]) =>
    detectPersonalData(text).map((kind) =>
      warn(
        path,
        `personal_data.${kind}`,
        'This looks like personal data of a person. Keep to aggregate figures: remove names, dates of birth, ID, passport and phone numbers.',
      ),
    ),
  )
}
