import {
  type ContentLocale,
  type CreateIndicatorBody,
  CreateIndicatorBodySchema,
  formatPath,
  type IndicatorDoc,
  type LocalizedText,
  type Measurement,
  type MeasurementType,
} from '@thbm/shared'
import { issueMessageKey } from './issue-messages.ts'

/** A new indicator's starting point in an area: empty texts, yes/partial/no, no flags, weight 1. */
export function emptyIndicator(area: string): CreateIndicatorBody {
  return {
    code: '',
    area,
    title: {},
    definition: {},
    guidance: {},
    kind: 'structure',
    measurement: defaultMeasurement('yes_partial_no'),
    disaggregations: [],
    customDimensions: [],
    legalReferences: [],
    sources: [],
    topics: [],
    core: false,
    frameworkIndicator: false,
    redFlag: false,
    weight: 1,
  }
}

/** An empty measurement of a type (five empty rubric levels, three empty descriptors, EUR for amounts). */
export function defaultMeasurement(type: MeasurementType): Measurement {
  switch (type) {
    case 'yes_partial_no':
      return { type, descriptors: { yes: {}, partial: {}, no: {} } }
    case 'rubric':
      return { type, levels: [{}, {}, {}, {}, {}] }
    case 'amount':
      return { type, currency: 'EUR' }
    case 'count':
    case 'percentage':
    case 'text':
      return { type }
    default: {
      const never: never = type
      throw new Error(`Unknown measurement ${String(never)}`)
    }
  }
}

/** The editable document of an indicator (the API's id, row version and lineage left out). */
export function toIndicatorBody(ind: IndicatorDoc & { id?: string; version?: number }): CreateIndicatorBody {
  const { id: _id, version: _version, lineage: _lineage, ...doc } = ind
  return doc
}

const blank = (text: LocalizedText | undefined, base: ContentLocale) => !text?.[base]?.trim()

/**
 * Problems with an indicator before it is sent, keyed by field path (`code`, `measurement.levels[2]`) with a catalog
 * key as the message. Uses the shared schema, then the rules it cannot express: base-language texts present
 * (title, definition, scale descriptors) and a red flag only on a rubric or yes/partial/no scale.
 */
export function validateIndicator(doc: CreateIndicatorBody, base: ContentLocale): Record<string, string> {
  const out: Record<string, string> = {}
  const add = (path: string, key: string) => {
    const field = path.endsWith(`.${base}`) ? path.slice(0, -base.length - 1) : path
    if (!(field in out)) out[field] = key
  }
  const parsed = CreateIndicatorBodySchema.safeParse(doc)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(formatPath(issue.path), issueMessageKey(issue))
  }
  const required = 'handbook:errors.textRequired'
  if (blank(doc.title, base)) add('title', required)
  if (blank(doc.definition, base)) add('definition', required)
  const m = doc.measurement
  if (m.type === 'rubric') {
    for (const [i, level] of m.levels.entries()) if (blank(level, base)) add(`measurement.levels[${i}]`, required)
  }
  if (m.type === 'yes_partial_no') {
    for (const answer of ['yes', 'partial', 'no'] as const)
      if (blank(m.descriptors[answer], base)) add(`measurement.descriptors.${answer}`, required)
  }
  if (doc.redFlag && m.type !== 'rubric' && m.type !== 'yes_partial_no') add('redFlag', 'handbook:errors.redFlagScale')
  for (const [i, d] of doc.customDimensions.entries()) {
    if (blank(d.label, base)) add(`customDimensions[${i}].label`, required)
    for (const [j, c] of d.categories.entries())
      if (blank(c.label, base)) add(`customDimensions[${i}].categories[${j}].label`, required)
  }
  return out
}

const isEmptyText = (text: LocalizedText | undefined) => !text || Object.values(text).every((v) => !v?.trim())

/** Leaves out optional texts that are empty, so an untouched field is not saved as `{}`. */
export function cleanIndicator(doc: CreateIndicatorBody): CreateIndicatorBody {
  const { unit, ...rest } = doc
  const m = doc.measurement
  const measurement: Measurement =
    m.type === 'count' && isEmptyText(m.unit)
      ? { type: m.type, ...(m.targetBands ? { targetBands: m.targetBands } : {}) }
      : m
  return { ...rest, measurement, ...(isEmptyText(unit) ? {} : { unit }) }
}
