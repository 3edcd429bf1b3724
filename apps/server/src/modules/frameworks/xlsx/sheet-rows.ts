import {
  CONTENT_LOCALES,
  type FrameworkDoc,
  type IndicatorDoc,
  type LocalizedText,
  type TargetBandSchema,
} from '@thbm/shared'
import type { z } from 'zod'
import { indexTexts } from '../translations/text-index.ts'
import { formatList } from './cell-text.ts'
import { FRAMEWORK_FIELDS, type FrameworkField, SCALE_KEYS, YES_PARTIAL_NO } from './layout.ts'

/** One row to write: column key → value; undefined leaves the cell empty. */
export type SheetRow = Record<string, string | number | undefined>

/** The rows of every data sheet, in order. */
export interface SheetRows {
  framework: SheetRow[]
  areas: SheetRow[]
  indicators: SheetRow[]
  scales: SheetRow[]
  legal: SheetRow[]
  dimensions: SheetRow[]
  translations: SheetRow[]
}

/** A text as the main sheets show it: its base-locale value. */
type TextWriter = (text: LocalizedText | undefined) => string | undefined
type TargetBand = z.infer<typeof TargetBandSchema>

const yesNo = (value: boolean) => (value ? 'yes' : 'no')

/**
 * Lays a framework document out as sheet rows. Main sheets get each text in the base locale; every text (with all
 * its locales) also gets a Translations row, so an optional text that exists but is empty still round-trips.
 */
export function buildSheetRows(doc: FrameworkDoc): SheetRows {
  const base = doc.framework.baseLocale
  // One row per text, addressed and ordered as the translation editor does (translations/text-index.ts).
  const translations: SheetRow[] = [...indexTexts(doc).values()].map(({ address, text: value }) => ({
    address,
    ...Object.fromEntries(CONTENT_LOCALES.map((locale) => [locale, value[locale]])),
  }))
  const text: TextWriter = (value) => value?.[base]
  const values: Record<FrameworkField, string | number | undefined> = {
    code: doc.framework.code,
    name: text(doc.framework.name),
    baseLocale: base,
    label: doc.version.label,
    basedOn: doc.version.basedOn ?? undefined,
    notes: text(doc.version.notes),
    schemaVersion: doc.schemaVersion,
  }
  const framework = (Object.keys(FRAMEWORK_FIELDS) as FrameworkField[]).map((field) => ({
    field: FRAMEWORK_FIELDS[field].label,
    value: values[field],
    meaning: FRAMEWORK_FIELDS[field].meaning,
  }))
  const areas = doc.areas.map((area) => ({
    code: area.code,
    title: text(area.title),
    description: text(area.description),
  }))
  const rows: SheetRows = { framework, areas, indicators: [], scales: [], legal: [], dimensions: [], translations }
  for (const indicator of doc.indicators) {
    rows.indicators.push(indicatorRow(indicator, text))
    rows.scales.push(...scaleRows(indicator, text))
    rows.legal.push(...indicator.legalReferences.map((ref) => ({ indicator: indicator.code, ...ref })))
    rows.dimensions.push(...dimensionRows(indicator, text))
  }
  return rows
}

function indicatorRow(ind: IndicatorDoc, text: TextWriter): SheetRow {
  return {
    code: ind.code,
    area: ind.area,
    title: text(ind.title),
    definition: text(ind.definition),
    guidance: text(ind.guidance),
    kind: ind.kind,
    measurement: ind.measurement.type,
    currency: ind.measurement.type === 'amount' ? ind.measurement.currency : undefined,
    unit: text(ind.unit),
    disaggregations: formatList(ind.disaggregations),
    core: yesNo(ind.core),
    frameworkIndicator: yesNo(ind.frameworkIndicator),
    redFlag: yesNo(ind.redFlag),
    weight: ind.weight,
    topics: formatList(ind.topics),
    sources: formatList(ind.sources),
    lineageType: ind.lineage.type,
    lineageFrom: formatList(ind.lineage.from),
  }
}

function scaleRows(ind: IndicatorDoc, text: TextWriter): SheetRow[] {
  const m = ind.measurement
  const level = (key: string | number, value: LocalizedText | undefined): SheetRow[] =>
    value === undefined ? [] : [{ indicator: ind.code, level: key, descriptor: text(value) }]
  const bands = (list: TargetBand[] | undefined): SheetRow[] => {
    if (list === undefined) return []
    if (list.length === 0) return [{ indicator: ind.code, level: SCALE_KEYS.noBands }]
    return list.map((band) => ({
      indicator: ind.code,
      level: SCALE_KEYS.band,
      from: band.from,
      to: band.to,
      score: band.score,
    }))
  }
  switch (m.type) {
    case 'rubric':
      return m.levels.flatMap((descriptor, i) => level(i, descriptor))
    case 'yes_partial_no':
      return YES_PARTIAL_NO.flatMap((key) => level(key, m.descriptors[key]))
    case 'count':
      return [...level(SCALE_KEYS.unit, m.unit), ...bands(m.targetBands)]
    case 'percentage':
      return [
        ...level(SCALE_KEYS.numerator, m.numeratorLabel),
        ...level(SCALE_KEYS.denominator, m.denominatorLabel),
        ...bands(m.targetBands),
      ]
    case 'amount':
    case 'text':
      return []
    default: {
      const never: never = m
      throw new Error(`Unknown measurement ${JSON.stringify(never)}`)
    }
  }
}

function dimensionRows(ind: IndicatorDoc, text: TextWriter): SheetRow[] {
  return ind.customDimensions.flatMap((dim) => {
    const label = text(dim.label)
    return dim.categories.map((cat) => ({
      indicator: ind.code,
      dimension: dim.code,
      dimensionLabel: label,
      category: cat.code,
      categoryLabel: text(cat.label),
    }))
  })
}
