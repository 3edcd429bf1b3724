import type { BarsChartSpec, HeatmapChartSpec } from '../charts.ts'

/**
 * Chart specs for the chart tests (shared `chartOption`, the server's SVG and PNG rendering, the web `Chart`): area
 * scores of two rounds with a missing value, and scores by country and area. A test overrides what it asserts on.
 */
export function barsSpec(overrides: Partial<BarsChartSpec> = {}): BarsChartSpec {
  return {
    kind: 'bars',
    title: 'Area scores',
    categoryLabel: 'Area',
    valueLabel: 'Score',
    categories: ['Identification', 'Prosecution'],
    series: [
      { name: 'Current round', values: [62.5, null] },
      { name: 'Previous round', values: [55, 40] },
    ],
    max: 100,
    noDataLabel: 'no data',
    ...overrides,
  }
}

export function heatmapSpec(overrides: Partial<HeatmapChartSpec> = {}): HeatmapChartSpec {
  return {
    kind: 'heatmap',
    title: 'Scores by country',
    rowLabel: 'Country',
    columnLabel: 'Area',
    rows: ['Albania', 'Serbia'],
    columns: ['IDN', 'PRO'],
    values: [
      [10, null],
      [45.5, 100],
    ],
    min: 0,
    max: 100,
    noDataLabel: 'no data',
    ...overrides,
  }
}
