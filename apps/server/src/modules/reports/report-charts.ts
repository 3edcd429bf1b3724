import {
  type ChartSpec,
  chartAltText,
  chartTableText,
  isScored,
  type NationalReportData,
  type RegionalReportData,
  type ReportStatistics,
  type StatisticCell,
} from '@thbm/shared'
import type { Block, ReportTable } from './document.ts'
import type { DisclosedFigure } from './report-disclosure.ts'
import { type ComposeContext, DASH, truncate, withheldNote } from './report-format.ts'

type ChartBlock = Extract<Block, { type: 'chart' }>
const VICTIM_STATUSES = ['identified', 'presumed'] as const
/** Chart titles are one line: a long indicator title in them is cut. */
const TITLE_IN_CHART = 45

/** A chart block whose data table is the chart's own data, formatted for the locale (no disclosure involved). */
export function plainChart(ctx: ComposeContext, spec: ChartSpec): ChartBlock {
  const table = chartTableText(spec, ctx.locale)
  return {
    type: 'chart',
    spec,
    altText: chartAltText(spec, ctx.locale),
    table: {
      caption: table.caption,
      columns: table.columns.map((label, i) => ({ label, numeric: i > 0 })),
      rows: table.rows,
    },
  }
}

/**
 * A chart of disclosed counts: the chart draws shown figures only (a withheld one is a gap), while its table and alt
 * text show "<5" or "x" where a figure is withheld.
 */
function disclosedChart(
  ctx: ComposeContext,
  spec: Extract<ChartSpec, { kind: 'lines' | 'bars' }>,
  figures: (DisclosedFigure | null)[][],
): ChartBlock {
  const text = (f: DisclosedFigure | null) => f?.text ?? DASH
  const table: ReportTable = {
    caption: spec.title,
    columns: [{ label: spec.categoryLabel }, ...spec.series.map((s) => ({ label: s.name, numeric: true }))],
    rows: spec.categories.map((category, i) => [category, ...spec.series.map((_, j) => text(figures[j]?.[i] ?? null))]),
    note: withheldNote(
      ctx,
      figures.flat().filter((f): f is DisclosedFigure => f !== null),
    ),
  }
  const names = spec.series.map((s) => s.name)
  const parts = table.rows.map(([label, ...values]) =>
    names.length === 1 ? `${label} ${values[0]}` : `${label} – ${values.map((v, k) => `${names[k]} ${v}`).join(', ')}`,
  )
  const described = { ...spec, description: `${spec.title}: ${parts.join('; ')}.` }
  return { type: 'chart', spec: described, altText: described.description, table }
}

/** Finds a statistics cell by country, round, indicator and key. */
export function statisticsIndex(
  stats: ReportStatistics,
): (country: string, round: string, code: string, key: string) => StatisticCell | undefined {
  const byId = new Map(stats.cells.map((c) => [c.id, c]))
  return (country, round, code, key) => byId.get(`${country}|${round}|${code}|${key}`)
}

/** Whether an indicator's statistics are broken down by victim status. */
export function hasVictimStatus(stats: ReportStatistics, code: string): boolean {
  return stats.cells.some((c) => c.indicatorCode === code && c.key.includes('victim_status='))
}

/** The main victims indicator: the first person count (Handbook order) broken down by victim status, else the first. */
export function mainVictimsIndicator(stats: ReportStatistics): ReportStatistics['indicators'][number] | null {
  return stats.indicators.find((i) => hasVictimStatus(stats, i.code)) ?? stats.indicators[0] ?? null
}

/** National: every area's score in this round and, when there is one, in the previous round (one bars chart). */
export function areaScoresChart(ctx: ComposeContext, data: NationalReportData): ChartBlock {
  const previous = data.areas.find((a) => a.previousRound)?.previousRound ?? null
  const series = [{ name: data.round.name, values: data.areas.map((a) => a.score) }]
  if (previous) series.push({ name: previous.name, values: data.areas.map((a) => a.previousScore) })
  return plainChart(ctx, {
    kind: 'bars',
    title: previous
      ? ctx.t('documents:chart.areaScores', { round: data.round.name, previous: previous.name })
      : ctx.t('documents:chart.areaScoresOnly', { round: data.round.name }),
    categoryLabel: ctx.t('documents:chart.area'),
    valueLabel: ctx.t('documents:chart.score'),
    categories: data.areas.map((a) => ctx.text(a.title) || a.code),
    series,
    max: 100,
    noDataLabel: ctx.t('documents:chart.noData'),
  })
}

/** National: the 0-100 scores of an area's scored indicators; null when the area has none. */
export function indicatorScoresChart(
  ctx: ComposeContext,
  area: NationalReportData['areas'][number],
): ChartBlock | null {
  const scored = area.indicators.filter((i) => isScored(i.measurement))
  if (scored.length === 0) return null
  return plainChart(ctx, {
    kind: 'bars',
    title: ctx.t('documents:chart.indicatorScores', { area: ctx.text(area.title) || area.code }),
    categoryLabel: ctx.t('documents:chart.indicator'),
    valueLabel: ctx.t('documents:chart.score'),
    categories: scored.map((i) => `${i.code} ${truncate(ctx.text(i.title), 40)}`),
    series: [
      { name: ctx.t('documents:chart.score'), values: scored.map((i) => (i.validated ? i.normalisedScore : null)) },
    ],
    max: 100,
    noDataLabel: ctx.t('documents:chart.noData'),
  })
}

/** National: persons identified, presumed and in total over the rounds (lines), disclosed; null without a victim status. */
export function victimsOverTimeChart(
  ctx: ComposeContext,
  data: NationalReportData,
  indicator: ReportStatistics['indicators'][number],
): ChartBlock | null {
  const stats = data.statistics
  if (!hasVictimStatus(stats, indicator.code)) return null
  const find = statisticsIndex(stats)
  const format = (n: number) => ctx.f.number(n, 0)
  const keys = [...VICTIM_STATUSES.map((s) => `victim_status=${s}`), 'total']
  const figures = keys.map((key) =>
    stats.rounds.map((r) => {
      const cell = find(data.country.code, r.id, indicator.code, key)
      return cell ? ctx.report.cell(cell, format) : null
    }),
  )
  const spec: ChartSpec = {
    kind: 'lines',
    title: ctx.t('documents:statistics.byStatus', {
      title: truncate(ctx.text(indicator.title) || indicator.code, TITLE_IN_CHART),
    }),
    categoryLabel: ctx.t('documents:chart.round'),
    valueLabel: ctx.t('documents:chart.persons'),
    categories: stats.rounds.map((r) => r.name),
    series: [
      ...VICTIM_STATUSES.map((status) => ctx.t(`enums:dimensionCategory.victim_status.${status}`)),
      ctx.t('documents:column.total'),
    ].map((name, i) => ({ name, values: (figures[i] ?? []).map((f) => f?.value ?? null) })),
    digits: 0,
    noDataLabel: ctx.t('documents:chart.noData'),
  }
  return disclosedChart(ctx, spec, figures)
}

/** Regional: area scores by country (heatmap; columns are area codes, explained by the area headings). */
export function heatmapChart(ctx: ComposeContext, data: RegionalReportData): ChartBlock {
  return plainChart(ctx, {
    kind: 'heatmap',
    title: ctx.t('documents:chart.heatmap', { round: data.round.name }),
    rowLabel: ctx.t('documents:chart.country'),
    columnLabel: ctx.t('documents:chart.area'),
    rows: data.countries.map((c) => ctx.text(c.names) || c.code),
    columns: data.areas.map((a) => a.code),
    values: data.countries.map((c) =>
      data.areas.map((a) => c.areaScores.find((s) => s.areaCode === a.code)?.score ?? null),
    ),
    min: 0,
    max: 100,
    noDataLabel: ctx.t('documents:chart.noData'),
  })
}

/** Regional: one area's score per country, this round and the previous one (bars). */
export function areaComparisonChart(
  ctx: ComposeContext,
  data: RegionalReportData,
  area: RegionalReportData['areas'][number],
): ChartBlock {
  const score = (c: RegionalReportData['countries'][number]) => c.areaScores.find((s) => s.areaCode === area.code)
  const series = [{ name: data.round.name, values: data.countries.map((c) => score(c)?.score ?? null) }]
  const previous = data.countries.map((c) => score(c)?.previousScore ?? null)
  if (previous.some((v) => v !== null)) series.push({ name: ctx.t('documents:chart.previousRound'), values: previous })
  return plainChart(ctx, {
    kind: 'bars',
    title: ctx.t('documents:chart.areaComparison', { area: ctx.text(area.title) || area.code }),
    categoryLabel: ctx.t('documents:chart.country'),
    valueLabel: ctx.t('documents:chart.score'),
    categories: data.countries.map((c) => ctx.text(c.names) || c.code),
    series,
    max: 100,
    noDataLabel: ctx.t('documents:chart.noData'),
  })
}

/** Regional: implementation rate of earlier recommendations per country (bars). */
export function implementationChart(ctx: ComposeContext, data: RegionalReportData): ChartBlock {
  return plainChart(ctx, {
    kind: 'bars',
    title: ctx.t('documents:chart.implementation', { round: data.round.name }),
    categoryLabel: ctx.t('documents:chart.country'),
    valueLabel: ctx.t('documents:chart.rate'),
    categories: data.countries.map((c) => ctx.text(c.names) || c.code),
    series: [{ name: ctx.t('documents:chart.rate'), values: data.countries.map((c) => c.implementationRate) }],
    max: 100,
    noDataLabel: ctx.t('documents:implementation.noRate'),
  })
}

/** Regional: totals of the main victims indicator per country over the rounds (lines), disclosed. */
export function keyStatisticsChart(
  ctx: ComposeContext,
  data: RegionalReportData,
  indicator: ReportStatistics['indicators'][number],
): ChartBlock {
  const stats = data.statistics
  const find = statisticsIndex(stats)
  const format = (n: number) => ctx.f.number(n, 0)
  const figures = data.countries.map((c) =>
    stats.rounds.map((r) => {
      const cell = find(c.code, r.id, indicator.code, 'total')
      return cell ? ctx.report.cell(cell, format) : null
    }),
  )
  const spec: ChartSpec = {
    kind: 'lines',
    title: ctx.t('documents:chart.keyStatistics', {
      title: truncate(ctx.text(indicator.title) || indicator.code, TITLE_IN_CHART),
    }),
    categoryLabel: ctx.t('documents:chart.round'),
    valueLabel: ctx.t('documents:chart.persons'),
    categories: stats.rounds.map((r) => r.name),
    series: data.countries.map((c, i) => ({
      name: ctx.text(c.names) || c.code,
      values: (figures[i] ?? []).map((f) => f?.value ?? null),
    })),
    digits: 0,
    noDataLabel: ctx.t('documents:chart.noData'),
  }
  return disclosedChart(ctx, spec, figures)
}
