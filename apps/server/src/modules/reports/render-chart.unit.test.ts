import type { ChartSpec } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { chartPng, chartSvg } from './render-chart.ts'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const bars: ChartSpec = {
  kind: 'bars',
  title: 'Оцене по областима',
  categoryLabel: 'Област',
  valueLabel: 'Оцена',
  categories: ['Идентификација', 'Гоњење & казне'],
  series: [
    { name: 'Текући круг', values: [62.5, null] },
    { name: 'Претходни круг', values: [55, 40] },
  ],
  max: 100,
  noDataLabel: 'нема података',
}

const heatmap: ChartSpec = {
  kind: 'heatmap',
  title: 'Scores by country and area',
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
}

describe('chartSvg', () => {
  it('renders the labels, locale-formatted values and the no-data label into an SVG', () => {
    const svg = chartSvg(bars, { width: 640, height: 360, locale: 'sr-Cyrl' })
    expect(svg.startsWith('<svg')).toBe(true)
    for (const text of [
      'Оцене по областима',
      'Идентификација',
      'Гоњење &amp; казне',
      'Текући круг',
      '62,5',
      'нема података',
    ])
      expect(svg).toContain(text)
    expect(svg).toContain('aria-label="Оцене по областима:')
  })

  it('labels every heatmap cell', () => {
    const svg = chartSvg(heatmap, { width: 640, height: 360, locale: 'en' })
    for (const text of ['Albania', 'Serbia', 'IDN', 'PRO', '45.5', '100', 'no data']) expect(svg).toContain(text)
  })
})

describe('chartPng', () => {
  it('renders a PNG scaled to the requested width', () => {
    const png = chartPng(bars, { width: 600, height: 300, locale: 'sr-Cyrl', scale: 2 })
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    // IHDR holds the width and height as big-endian integers at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(1200)
    expect(png.readUInt32BE(20)).toBe(600)
  })
})
