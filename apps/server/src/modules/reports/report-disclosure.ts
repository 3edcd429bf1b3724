import {
  type DisclosureStatus,
  disclosedValue,
  protectRelease,
  type ReportArea,
  type ReportData,
  type ReportIndicator,
  type StatisticCell,
  statisticConstraints,
  suppressRate,
} from '@thbm/shared'

export type DisclosureMode = 'internal' | 'public'

/** A figure as a document shows it: the text, and the number a chart may draw (null when withheld or missing). */
export interface DisclosedFigure {
  text: string
  value: number | null
  suppressed: boolean
}

/**
 * A report with disclosure control applied, for the composers and the XLSX renderer. In `internal` mode every figure
 * is shown; in `public` mode counts of persons go through primary and complementary suppression over every
 * statistic of the release (the statistics cells and the person-count indicators' values, which share ids), rates
 * with a small numerator are withheld, and internal evidence is removed.
 */
export interface ProtectedReport {
  mode: DisclosureMode
  threshold: number
  /** The data to render: in public mode without internal evidence. */
  data: ReportData
  /** True when at least one figure of the release is withheld. */
  withheld: boolean
  /** The status of a statistic cell id ('shown' for unknown ids and in internal mode). */
  status: (id: string) => DisclosureStatus
  /** A statistics cell, its number formatted by `format` when shown. */
  cell: (cell: Pick<StatisticCell, 'id' | 'value'>, format: (n: number) => string) => DisclosedFigure
  /** A person-count indicator's value (the same figure as its `total` cell), formatted when shown. */
  indicatorValue: (
    countryCode: string,
    roundId: string,
    indicator: Pick<ReportIndicator, 'code'>,
    value: number,
    format: (n: number) => string,
  ) => DisclosedFigure
  /** A percentage with its numerator: withheld in public mode when the numerator is a small count. */
  rate: (numerator: number | null, rate: number, format: (n: number) => string) => DisclosedFigure
}

/** The statistic id of a person-count indicator's value: the same id as the `total` cell of the statistics. */
export function indicatorCellId(countryCode: string, roundId: string, indicatorCode: string): string {
  return `${countryCode}|${roundId}|${indicatorCode}|total`
}

/** Every statistic of a release: the statistics cells, plus any person-count indicator value they do not hold. */
function releaseCells(data: ReportData): StatisticCell[] {
  const cells = [...data.statistics.cells]
  if (data.kind !== 'national') return cells
  const ids = new Set(cells.map((c) => c.id))
  for (const ind of data.areas.flatMap((a) => a.indicators)) {
    const n = ind.value?.number
    if (!ind.personCount || ind.noData || typeof n !== 'number') continue
    const id = indicatorCellId(data.country.code, data.round.id, ind.code)
    if (ids.has(id)) continue
    ids.add(id)
    cells.push({
      id,
      indicatorCode: ind.code,
      countryCode: data.country.code,
      roundId: data.round.id,
      key: 'total',
      value: n,
    })
  }
  return cells
}

function publicData(data: ReportData): ReportData {
  if (data.kind !== 'national') return data
  const areas: ReportArea[] = data.areas.map((area) => ({
    ...area,
    indicators: area.indicators.map((ind) => ({ ...ind, evidence: ind.evidence.filter((e) => !e.internal) })),
  }))
  return { ...data, areas }
}

/** Percentages whose numerator a public release withholds: any percentage indicator with a small numerator. */
function anyRateWithheld(data: ReportData, threshold: number): boolean {
  if (data.kind !== 'national') return false
  return data.areas.some((a) =>
    a.indicators.some(
      (i) => i.measurement.type === 'percentage' && !i.noData && suppressRate(i.value?.numerator ?? null, threshold),
    ),
  )
}

/** Applies the disclosure mode to a report (see ProtectedReport). */
export function protectReport(data: ReportData, mode: DisclosureMode, threshold: number): ProtectedReport {
  const isPublic = mode === 'public'
  let statuses = new Map<string, DisclosureStatus>()
  if (isPublic) {
    const cells = releaseCells(data)
    statuses = protectRelease({
      cells: cells.map((c) => ({ id: c.id, value: c.value })),
      constraints: statisticConstraints(cells),
      threshold,
    })
  }
  const status = (id: string): DisclosureStatus => statuses.get(id) ?? 'shown'
  const figure = (id: string, value: number, format: (n: number) => string): DisclosedFigure => {
    const s = status(id)
    if (s === 'shown') return { text: format(value), value, suppressed: false }
    return { text: disclosedValue(value, s, threshold).text ?? '', value: null, suppressed: true }
  }
  return {
    mode,
    threshold,
    data: isPublic ? publicData(data) : data,
    withheld: [...statuses.values()].some((s) => s !== 'shown') || (isPublic && anyRateWithheld(data, threshold)),
    status,
    cell: (cell, format) => figure(cell.id, cell.value, format),
    indicatorValue: (countryCode, roundId, indicator, value, format) =>
      figure(indicatorCellId(countryCode, roundId, indicator.code), value, format),
    rate: (numerator, rate, format) => {
      if (isPublic && suppressRate(numerator, threshold))
        return { text: disclosedValue(null, 'secondary', threshold).text ?? '', value: null, suppressed: true }
      return { text: format(rate), value: rate, suppressed: false }
    },
  }
}
