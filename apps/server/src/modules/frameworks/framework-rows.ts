import type { AreaDoc, IndicatorDoc, LocalizedText } from '@thbm/shared'
import { fromBool, parseJson, toBool, toJson } from '../../db/portable.ts'
import type { DB } from '../../db/schema.ts'

export type IndicatorRow = DB['indicators']
export type AreaRow = DB['frameworkAreas']

const text = (json: string | null): LocalizedText => parseJson<LocalizedText>(json, {})

/** An indicator row as a document (keys in the schema's order, so JSON export is canonical). */
export function indicatorToDoc(row: IndicatorRow, areaCode: string): IndicatorDoc {
  const unit = row.unit === null ? undefined : text(row.unit)
  return {
    code: row.code,
    area: areaCode,
    title: text(row.title),
    definition: text(row.definition),
    guidance: text(row.guidance),
    kind: row.kind as IndicatorDoc['kind'],
    measurement: parseJson<IndicatorDoc['measurement']>(row.measurement, { type: 'text' }),
    ...(unit === undefined ? {} : { unit }),
    disaggregations: parseJson(row.disaggregations, []),
    customDimensions: parseJson(row.customDimensions, []),
    legalReferences: parseJson(row.legalReferences, []),
    sources: parseJson(row.sources, []),
    topics: parseJson(row.topics, []),
    core: toBool(row.isCore),
    frameworkIndicator: toBool(row.isFramework),
    redFlag: toBool(row.isRedFlag),
    weight: row.weight,
    lineage: { type: row.lineageType as IndicatorDoc['lineage']['type'], from: parseJson(row.lineageFrom, []) },
  }
}

/** The columns an indicator document fills (everything but ids, position and version). */
export function indicatorColumns(doc: IndicatorDoc) {
  return {
    code: doc.code,
    title: toJson(doc.title),
    definition: toJson(doc.definition),
    guidance: toJson(doc.guidance),
    kind: doc.kind,
    measurement: toJson(doc.measurement),
    unit: doc.unit === undefined ? null : toJson(doc.unit),
    disaggregations: toJson(doc.disaggregations),
    customDimensions: toJson(doc.customDimensions),
    legalReferences: toJson(doc.legalReferences),
    sources: toJson(doc.sources),
    topics: toJson(doc.topics),
    isCore: fromBool(doc.core),
    isFramework: fromBool(doc.frameworkIndicator),
    isRedFlag: fromBool(doc.redFlag),
    weight: doc.weight,
    lineageType: doc.lineage.type,
    lineageFrom: toJson(doc.lineage.from),
  }
}

export function areaToDoc(row: AreaRow): AreaDoc {
  return { code: row.code, title: text(row.title), description: text(row.description) }
}

/** Content fields compared by the diff and by the automatic "reworded" lineage. */
export const CONTENT_FIELDS = [
  'area',
  'title',
  'definition',
  'guidance',
  'kind',
  'measurement',
  'unit',
  'disaggregations',
  'customDimensions',
  'legalReferences',
  'sources',
  'topics',
  'core',
  'frameworkIndicator',
  'redFlag',
  'weight',
] as const satisfies readonly (keyof IndicatorDoc)[]

/** The content fields that differ between two versions of an indicator. */
export function changedFields(a: IndicatorDoc, b: IndicatorDoc): string[] {
  return CONTENT_FIELDS.filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null))
}
