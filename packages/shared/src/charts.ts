/**
 * Charts as data. A `ChartSpec` holds already-localised labels and raw numbers; `chartOption` turns it into an
 * ECharts option that the web app (SVG renderer) and the server (SSR to SVG, then PNG for DOCX) render the same way,
 * and `chartTable` / `chartAltText` give the data-table and text alternatives. Pure: no ECharts import here.
 */

/** One named series of values; `null` is a missing value. */
export interface ChartSeries {
  name: string
  values: (number | null)[]
}

interface ChartCommon {
  title: string
  /** Stands for a missing value in labels, tables and alt text (e.g. "no data"); a dash when absent. */
  noDataLabel?: string
  /** Most fraction digits shown when numbers are formatted (default 1). */
  digits?: number
  /** A summary sentence written by the caller; replaces the generated alt text. */
  description?: string
}

/** Horizontal bars: one bar per category and series (e.g. area scores, current vs previous round). */
export interface BarsChartSpec extends ChartCommon {
  kind: 'bars'
  categoryLabel: string
  valueLabel: string
  categories: string[]
  series: ChartSeries[]
  max?: number
}

/** Lines over ordered categories (e.g. an area's score over rounds). */
export interface LinesChartSpec extends ChartCommon {
  kind: 'lines'
  categoryLabel: string
  valueLabel: string
  categories: string[]
  series: ChartSeries[]
  max?: number
}

/** A grid of values, `values[row][column]` (e.g. countries × areas scores); every cell is labelled. */
export interface HeatmapChartSpec extends ChartCommon {
  kind: 'heatmap'
  rowLabel: string
  columnLabel: string
  rows: string[]
  columns: string[]
  values: (number | null)[][]
  min: number
  max: number
  noDataLabel: string
}

export type ChartSpec = BarsChartSpec | LinesChartSpec | HeatmapChartSpec

/** The data-table alternative: the first column holds the category or row label. */
export interface ChartTable {
  caption: string
  columns: string[]
  rows: (string | number | null)[][]
}

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies (yellow last: low contrast). */
export const CHART_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442']
/** Sequential light-to-dark scale (ColorBrewer YlGnBu), safe for colour-vision deficiencies and grey print. */
export const HEATMAP_COLOURS = ['#ffffd9', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8']
export const CHART_FONT = 'DejaVu Sans, Liberation Sans, sans-serif'
const NO_DATA_COLOUR = '#eeeeee'
// Lines also differ by marker and dash, so series are told apart without colour.
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin']
const DASHES = ['solid', 'dashed', 'dotted']
const TEXT = '#1a1a1a'
// The grid's box bounds the plot with its axis labels and names, so long labels are not cut off; the margins leave
// room for server-side text measurement, which estimates glyph widths.
const GRID = { left: 24, right: 24, top: 44, bottom: 12, outerBoundsMode: 'same', outerBoundsContain: 'all' }

/** Formats chart numbers in a locale, with the spec's no-data label for missing values. */
export function chartNumberFormat(spec: ChartSpec, locale: string): (value: number | null | undefined) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: spec.digits ?? 1 })
  const none = spec.noDataLabel ?? '–'
  return (value) => (typeof value === 'number' && Number.isFinite(value) ? format.format(value) : none)
}

/** The chart's data as a table (raw numbers, `null` when missing). */
export function chartTable(spec: ChartSpec): ChartTable {
  if (spec.kind === 'heatmap') {
    return {
      caption: spec.title,
      columns: [spec.rowLabel, ...spec.columns],
      rows: spec.rows.map((row, i) => [row, ...spec.columns.map((_, j) => spec.values[i]?.[j] ?? null)]),
    }
  }
  return {
    caption: spec.title,
    columns: [spec.categoryLabel, ...spec.series.map((s) => s.name)],
    rows: spec.categories.map((category, i) => [category, ...spec.series.map((s) => s.values[i] ?? null)]),
  }
}

/** The data table with every value cell formatted for the locale (missing values as the no-data label). */
export function chartTableText(
  spec: ChartSpec,
  locale: string,
): { caption: string; columns: string[]; rows: string[][] } {
  const format = chartNumberFormat(spec, locale)
  const table = chartTable(spec)
  return {
    caption: table.caption,
    columns: table.columns,
    rows: table.rows.map(([label, ...values]) => [String(label), ...values.map((v) => format(v as number | null))]),
  }
}

/** One sentence for alt text: the caller's description, or the title followed by every row of the data table. */
export function chartAltText(spec: ChartSpec, locale: string): string {
  if (spec.description) return spec.description
  const { caption, columns, rows } = chartTableText(spec, locale)
  const valueNames = columns.slice(1)
  const parts = rows.map(([label, ...values]) =>
    valueNames.length === 1
      ? `${label} ${values[0]}`
      : `${label} – ${values.map((v, i) => `${valueNames[i]} ${v}`).join(', ')}`,
  )
  return parts.length ? `${caption}: ${parts.join('; ')}.` : caption
}

/**
 * Breaks a label into lines of at most `max` characters at spaces (a longer word keeps its own line). ECharts' own
 * wrapping counts every non-Latin letter as a full em, which would split Cyrillic words.
 */
export function wrapWords(text: string, max: number): string {
  const lines: string[] = []
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1
    if (last >= 0 && lines[last]!.length + 1 + word.length <= max) lines[last] += ` ${word}`
    else lines.push(word)
  }
  return lines.join('\n')
}

interface LabelParams {
  value?: unknown
  data?: unknown
  dataIndex: number
}

/** The ECharts option for a spec: static (no animation), labelled values, an aria description. */
export function chartOption(spec: ChartSpec, locale: string): Record<string, unknown> {
  const base = {
    animation: false,
    color: CHART_PALETTE,
    textStyle: { fontFamily: CHART_FONT, color: TEXT },
    aria: { enabled: true, label: { description: chartAltText(spec, locale) } },
    title: { text: spec.title, left: 'center', top: 4, textStyle: { fontSize: 15, fontWeight: 'bold', color: TEXT } },
  }
  switch (spec.kind) {
    case 'bars':
      return { ...base, ...barsOption(spec, locale) }
    case 'lines':
      return { ...base, ...linesOption(spec, locale) }
    case 'heatmap':
      return { ...base, ...heatmapOption(spec, locale) }
    default:
      return spec satisfies never
  }
}

// One line of legend under the plot: on a narrow screen it pages (arrows) instead of wrapping over the axis labels.
function legendFor(series: ChartSeries[]) {
  return series.length > 1
    ? { type: 'scroll', bottom: 0, itemGap: 24, data: series.map((s) => s.name), textStyle: { color: TEXT } }
    : { show: false }
}

function barsOption(spec: BarsChartSpec, locale: string) {
  const format = chartNumberFormat(spec, locale)
  const many = spec.series.length > 1
  return {
    grid: { ...GRID, right: 48, bottom: many ? 36 : 12 },
    legend: legendFor(spec.series),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      name: spec.valueLabel,
      nameLocation: 'middle',
      nameGap: 26,
      max: spec.max,
      axisLabel: { formatter: (v: number) => format(v) },
    },
    yAxis: {
      type: 'category',
      data: spec.categories,
      inverse: true,
      axisLabel: { formatter: (v: string) => wrapWords(v, 24), color: TEXT, lineHeight: 14 },
    },
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      // A missing value is an empty bar at zero labelled with the no-data label, so it is not mistaken for zero.
      data: spec.categories.map((_, i) => {
        const value = s.values[i]
        return typeof value === 'number' ? value : { value: 0, missing: true, itemStyle: { color: 'transparent' } }
      }),
      label: {
        show: true,
        position: 'right',
        color: TEXT,
        formatter: (p: LabelParams) => format(isMissing(p.data) ? null : (p.value as number)),
      },
      tooltip: { valueFormatter: (_: unknown, i: number) => format(s.values[i]) },
    })),
  }
}

function isMissing(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { missing?: boolean }).missing === true
}

function linesOption(spec: LinesChartSpec, locale: string) {
  const format = chartNumberFormat(spec, locale)
  return {
    grid: { ...GRID, bottom: spec.series.length > 1 ? 36 : 12 },
    legend: legendFor(spec.series),
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: spec.categories,
      name: spec.categoryLabel,
      nameLocation: 'middle',
      // Round names wrap to two lines, so a narrow chart still shows them (instead of hiding those that overlap); the
      // axis name goes below both lines.
      nameGap: 44,
      axisLabel: { color: TEXT, formatter: (v: string) => wrapWords(v, 12), lineHeight: 14 },
    },
    yAxis: {
      type: 'value',
      name: spec.valueLabel,
      nameLocation: 'middle',
      nameGap: 40,
      min: 0,
      max: spec.max,
      axisLabel: { formatter: (v: number) => format(v) },
    },
    series: spec.series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: false,
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 9,
      lineStyle: { width: 2, type: DASHES[i % DASHES.length] },
      label: { show: true, position: 'top', color: TEXT, formatter: (p: LabelParams) => format(p.value as number) },
      labelLayout: { hideOverlap: true },
      tooltip: { valueFormatter: (v: unknown) => format(v as number | null) },
    })),
  }
}

function heatmapOption(spec: HeatmapChartSpec, locale: string) {
  const format = chartNumberFormat(spec, locale)
  const cells: [number, number, number][] = []
  const missing: [number, number, number][] = []
  spec.rows.forEach((_, y) => {
    spec.columns.forEach((_, x) => {
      const value = spec.values[y]?.[x]
      if (typeof value === 'number') cells.push([x, y, value])
      else missing.push([x, y, 0])
    })
  })
  // Dark text with a white halo stays readable on every cell colour.
  const label = { show: true, color: TEXT, textBorderColor: '#ffffff', textBorderWidth: 2, fontSize: 12 }
  const cellValue = (p: LabelParams) => (p.value as [number, number, number])[2]
  return {
    grid: { ...GRID, top: 72, bottom: 48 },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'category',
      data: spec.columns,
      name: spec.columnLabel,
      nameLocation: 'middle',
      // Column labels wrap to two lines: leave room for both above the cells, and the axis name above them.
      nameGap: 44,
      position: 'top',
      splitArea: { show: true },
      axisLabel: { formatter: (v: string) => wrapWords(v, 14), color: TEXT, interval: 0, lineHeight: 14 },
    },
    yAxis: {
      type: 'category',
      data: spec.rows,
      name: spec.rowLabel,
      nameLocation: 'start',
      inverse: true,
      splitArea: { show: true },
      axisLabel: { formatter: (v: string) => wrapWords(v, 24), color: TEXT, interval: 0, lineHeight: 14 },
    },
    visualMap: [
      {
        type: 'continuous',
        seriesIndex: 0,
        min: spec.min,
        max: spec.max,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 160,
        text: [format(spec.max), format(spec.min)],
        textStyle: { color: TEXT },
        inRange: { color: HEATMAP_COLOURS },
      },
      // Heatmap series need a visual map; the no-data cells get one that paints every cell grey.
      { type: 'continuous', seriesIndex: 1, show: false, min: 0, max: 1, inRange: { color: [NO_DATA_COLOUR] } },
    ],
    series: [
      {
        type: 'heatmap',
        name: spec.title,
        data: cells,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: { ...label, formatter: (p: LabelParams) => format(cellValue(p)) },
        tooltip: { formatter: (p: LabelParams) => tooltipCell(spec, p, format(cellValue(p))) },
      },
      {
        type: 'heatmap',
        name: spec.noDataLabel,
        data: missing,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: { ...label, formatter: spec.noDataLabel },
        tooltip: { formatter: (p: LabelParams) => tooltipCell(spec, p, spec.noDataLabel) },
      },
    ],
  }
}

function tooltipCell(spec: HeatmapChartSpec, p: LabelParams, text: string): string {
  const [x, y] = p.value as [number, number, number]
  return `${escapeHtml(spec.rows[y] ?? '')} · ${escapeHtml(spec.columns[x] ?? '')}: ${escapeHtml(text)}`
}

// ECharts renders tooltip formatter strings as HTML.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
