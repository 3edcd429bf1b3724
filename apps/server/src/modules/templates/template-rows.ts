import {
  CHOICES,
  dimensionsOf,
  formatCellKey,
  type IndicatorDoc,
  type Locale,
  parseCellKey,
  type SaveAnswerBody,
} from '@thbm/shared'
import { CELL_PREFIX, type FieldKey, isCellKey } from './template-layout.ts'
import { enumLabel, pickText, templateMessages } from './template-messages.ts'

/** An answer as the template shows it: its current version (0 when there is none yet) and content. */
export interface TemplateAnswer {
  version: number
  /** Validated answers are locked in the template. */
  status: string | null
  body: SaveAnswerBody | null
}

/** Everything a template is written from, loaded by loadTemplateModel (or built by a test). */
export interface TemplateModel {
  roundId: string
  roundName: string
  countryCode: string
  frameworkVersionId: string
  baseLocale: string
  organisations: { id: string; name: string }[]
  /** The indicators of the template, in the country's list order. */
  indicators: IndicatorDoc[]
  /** The (organisation, indicator) pairs with rows, in order. */
  pairs: { organisationId: string; code: string }[]
  /** Answers by `organisationId|code`. */
  answers: Map<string, TemplateAnswer>
}

/** How a value cell is typed in: which dropdown or number validation it gets. */
export type InputKind = 'yes_partial_no' | 'rubric' | 'whole' | 'decimal' | 'text' | 'noData'

/** One row of the Data sheet. */
export interface TemplateRow {
  organisationId: string
  organisationName: string
  code: string
  title: string
  measurement: string
  help: string
  breakdown: string
  key: FieldKey
  value: string | number | null
  version: number
  editable: boolean
  input: InputKind
}

export const answerKey = (organisationId: string, code: string) => `${organisationId}|${code}`

/** The cells a template offers: every category of each dimension, crossed with the victim status when it has one. */
export function offeredCells(ind: Pick<IndicatorDoc, 'disaggregations' | 'customDimensions'>): string[] {
  const dims = dimensionsOf(ind)
  const statuses = dims.get('victim_status')
  const others = [...dims].filter(([d]) => d !== 'victim_status')
  const oneWay = (extra: Record<string, string>) =>
    others.flatMap(([d, cats]) => cats.map((c) => formatCellKey({ ...extra, [d]: c })))
  if (!statuses) return oneWay({})
  return statuses.flatMap((s) => [formatCellKey({ victim_status: s }), ...oneWay({ victim_status: s })])
}

const NUMERIC = new Set(['count', 'amount', 'percentage'])

/** The field rows of an indicator's answer; cells the answer has beyond the offered ones get rows too. */
export function fieldsOf(ind: IndicatorDoc, existingCells: readonly string[] = []): FieldKey[] {
  const type = ind.measurement.type
  const dims = dimensionsOf(ind)
  const value: FieldKey[] =
    type === 'yes_partial_no' || type === 'rubric'
      ? ['choice']
      : type === 'percentage'
        ? ['numerator', 'denominator']
        : type === 'text'
          ? ['text']
          : dims.has('victim_status')
            ? []
            : ['number']
  const offered = offeredCells(ind)
  const extra = existingCells.filter((k) => !offered.includes(k)).sort()
  const cells = [...offered, ...extra].map((k) => `${CELL_PREFIX}${k}` as const)
  return [
    ...value,
    ...cells,
    'noData',
    'noDataReason',
    'narrative',
    ...(dims.size ? (['partsExplanation'] as const) : []),
    ...(NUMERIC.has(type) ? (['changeComment'] as const) : []),
  ]
}

/** The value a field has in an answer body, as the template shows it. */
export function fieldValue(body: SaveAnswerBody | null, key: FieldKey, noDataWord: string): string | number | null {
  if (!body) return null
  if (isCellKey(key)) return body.cells.find((c) => c.key === key.slice(CELL_PREFIX.length))?.value ?? null
  switch (key) {
    case 'choice':
      return body.value.choice
    case 'number':
    case 'numerator':
    case 'denominator':
    case 'text':
      return body.value[key]
    case 'noData':
      return body.noData ? noDataWord : null
    default:
      return body[key]
  }
}

function inputOf(ind: IndicatorDoc, key: FieldKey): InputKind {
  const type = ind.measurement.type
  if (key === 'choice') return type === 'rubric' ? 'rubric' : 'yes_partial_no'
  if (key === 'noData') return 'noData'
  if (key === 'number' || key === 'numerator' || key === 'denominator' || isCellKey(key))
    return type === 'count' ? 'whole' : 'decimal'
  return 'text'
}

/** The Data rows of a model, in order: per (organisation, indicator) pair, one row per field. */
export function buildTemplateRows(model: TemplateModel, lang: Locale): TemplateRow[] {
  const m = templateMessages(lang)
  const text = (t: Parameters<typeof pickText>[0]) => pickText(t, lang, model.baseLocale)
  const names = new Map(model.organisations.map((o) => [o.id, o.name]))
  const indicators = new Map(model.indicators.map((i) => [i.code, i]))
  const rows: TemplateRow[] = []
  for (const pair of model.pairs) {
    const ind = indicators.get(pair.code)
    if (!ind) continue
    const answer = model.answers.get(answerKey(pair.organisationId, pair.code))
    const keys = fieldsOf(ind, answer?.body?.cells.map((c) => c.key) ?? [])
    for (const key of keys) {
      rows.push({
        organisationId: pair.organisationId,
        organisationName: names.get(pair.organisationId) ?? '',
        code: ind.code,
        title: text(ind.title),
        measurement: enumLabel(lang, `measurementType.${ind.measurement.type}`),
        help: helpOf(ind, key, lang, text),
        breakdown: isCellKey(key) ? cellLabel(ind, key.slice(CELL_PREFIX.length), lang, text) : m.fields[key],
        key,
        value: fieldValue(answer?.body ?? null, key, m.noData),
        version: answer?.version ?? 0,
        editable: answer?.status !== 'validated',
        input: inputOf(ind, key),
      })
    }
  }
  return rows
}

type Text = (t: Parameters<typeof pickText>[0]) => string

function helpOf(ind: IndicatorDoc, key: FieldKey, lang: Locale, text: Text): string {
  const m = templateMessages(lang)
  const ms = ind.measurement
  if (key === 'choice' && ms.type === 'yes_partial_no')
    return CHOICES.yes_partial_no.map((c) => `${c}: ${text(ms.descriptors[c])}`).join('\n')
  if (key === 'choice' && ms.type === 'rubric') return ms.levels.map((l, i) => `${i}: ${text(l)}`).join('\n')
  if (key === 'numerator' && ms.type === 'percentage') return text(ms.numeratorLabel)
  if (key === 'denominator' && ms.type === 'percentage') return text(ms.denominatorLabel)
  if (key !== 'number' && !isCellKey(key)) return ''
  if (ms.type === 'amount') return `${m.currency}: ${ms.currency}`
  const unit = ms.type === 'count' ? (ms.unit ?? ind.unit) : ind.unit
  return unit ? `${m.unit}: ${text(unit)}` : ''
}

/** A readable cell key: `Victim status: Identified · Sex: Female`. */
function cellLabel(ind: IndicatorDoc, cellKey: string, lang: Locale, text: Text): string {
  const parsed = parseCellKey(cellKey)
  if (!parsed) return cellKey
  const entries = [...parsed].sort(([a], [b]) => (a === 'victim_status' ? -1 : b === 'victim_status' ? 1 : 0))
  return entries
    .map(([dim, cat]) => {
      const custom = ind.customDimensions.find((d) => d.code === dim)
      if (custom) return `${text(custom.label)}: ${text(custom.categories.find((c) => c.code === cat)?.label) || cat}`
      return `${enumLabel(lang, `dimension.${dim}`)}: ${enumLabel(lang, `dimensionCategory.${dim}.${cat}`)}`
    })
    .join(' · ')
}
