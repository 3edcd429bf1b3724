import { describe, expect, it } from 'vitest'
import { type ChartSpec, chartAltText, chartOption, chartTable, chartTableText, wrapWords } from './charts.ts'
import { barsSpec, heatmapSpec } from './test-fixtures/chart-specs.ts'

const bars = barsSpec({
  series: [
    { name: 'Current', values: [62.5, null] },
    { name: 'Previous', values: [55, 47.25] },
  ],
})

const heatmap = heatmapSpec()

const lines: ChartSpec = {
  kind: 'lines',
  title: 'Trend',
  categoryLabel: 'Round',
  valueLabel: 'Score',
  categories: ['2024', '2025'],
  series: [{ name: 'Serbia', values: [null, 60] }],
}

type Series = { type: string; name: string; data: unknown[]; label: { formatter: unknown } }
const seriesOf = (option: Record<string, unknown>) => option.series as Series[]
const label = (s: Series, params: object) => (s.label.formatter as (p: object) => string)(params)

describe('chartOption', () => {
  it('draws one bar series per series, static, with an aria description and a missing value labelled', () => {
    const option = chartOption(bars, 'sr-Cyrl')
    expect(option.animation).toBe(false)
    expect(option.aria).toEqual({ enabled: true, label: { description: chartAltText(bars, 'sr-Cyrl') } })
    expect((option.textStyle as { fontFamily: string }).fontFamily).toBe('DejaVu Sans, Liberation Sans, sans-serif')
    expect((option.yAxis as { data: string[] }).data).toEqual(['Identification', 'Prosecution'])
    expect((option.xAxis as { max: number }).max).toBe(100)
    const [current, previous] = seriesOf(option)
    expect(current?.type).toBe('bar')
    expect(previous?.data).toEqual([55, 47.25])
    expect(current?.data[0]).toBe(62.5)
    expect(current?.data[1]).toMatchObject({ value: 0, missing: true })
    expect(label(current!, { value: 62.5, data: 62.5, dataIndex: 0 })).toBe('62,5')
    expect(label(current!, { value: 0, data: current?.data[1], dataIndex: 1 })).toBe('no data')
  })

  it('labels every heatmap cell, the missing ones with the no-data label in their own series', () => {
    const option = chartOption(heatmap, 'en')
    const [cells, missing] = seriesOf(option)
    expect(cells?.data).toEqual([
      [0, 0, 10],
      [0, 1, 45.5],
      [1, 1, 100],
    ])
    expect(missing?.data).toEqual([[1, 0, 0]])
    expect(missing?.label.formatter).toBe('no data')
    expect(label(cells!, { value: [0, 1, 45.5], dataIndex: 1 })).toBe('45.5')
    expect((option.yAxis as { data: string[] }).data).toEqual(['Albania', 'Serbia'])
    expect((option.xAxis as { data: string[] }).data).toEqual(['IDN', 'PRO'])
  })

  it('draws lines with gaps for missing values and no legend for a single series', () => {
    const option = chartOption(lines, 'en')
    const [serbia] = seriesOf(option)
    expect(serbia).toMatchObject({ type: 'line', name: 'Serbia', data: [null, 60], connectNulls: false })
    expect(option.legend).toEqual({ show: false })
  })

  it('keeps a narrow chart readable: round names wrap under the axis, and a long legend pages on one line', () => {
    const rounds = ['Monitoring 2023 (demo)', 'Monitoring 2024 (demo)']
    const many = {
      ...lines,
      categories: rounds,
      series: ['COR', 'PRV', 'IDN'].map((name) => ({ name, values: [1, 2] })),
    }
    const option = chartOption(many, 'sr-Cyrl')
    const axis = option.xAxis as { data: string[]; axisLabel: { formatter: (v: string) => string } }
    expect(axis.data).toEqual(rounds)
    expect(axis.axisLabel.formatter('Monitoring 2023 (demo)')).toBe('Monitoring\n2023 (demo)')
    expect(option.legend).toMatchObject({ type: 'scroll', data: ['COR', 'PRV', 'IDN'] })
  })
})

describe('chartTable', () => {
  it('gives the category and one column per series, with null for a missing value', () => {
    expect(chartTable(bars)).toEqual({
      caption: 'Area scores',
      columns: ['Area', 'Current', 'Previous'],
      rows: [
        ['Identification', 62.5, 55],
        ['Prosecution', null, 47.25],
      ],
    })
  })

  it('gives a heatmap row per row label', () => {
    expect(chartTable(heatmap)).toEqual({
      caption: 'Scores by country',
      columns: ['Country', 'IDN', 'PRO'],
      rows: [
        ['Albania', 10, null],
        ['Serbia', 45.5, 100],
      ],
    })
  })

  it('formats the cells for a locale, missing values as the no-data label or a dash', () => {
    expect(chartTableText(bars, 'sr-Cyrl').rows).toEqual([
      ['Identification', '62,5', '55'],
      ['Prosecution', 'no data', '47,3'],
    ])
    expect(chartTableText(lines, 'en').rows).toEqual([
      ['2024', '–'],
      ['2025', '60'],
    ])
  })
})

describe('chartAltText', () => {
  it('joins the title and the rows with locale-formatted numbers', () => {
    expect(chartAltText(bars, 'en')).toBe(
      'Area scores: Identification – Current 62.5, Previous 55; Prosecution – Current no data, Previous 47.3.',
    )
    expect(chartAltText(lines, 'en')).toBe('Trend: 2024 –; 2025 60.')
    expect(chartAltText(heatmap, 'sr-Cyrl')).toBe(
      'Scores by country: Albania – IDN 10, PRO no data; Serbia – IDN 45,5, PRO 100.',
    )
  })

  it('uses the caller’s description when given', () => {
    expect(chartAltText({ ...lines, description: 'Serbia rose to 60.' }, 'en')).toBe('Serbia rose to 60.')
  })
})

describe('wrapWords', () => {
  it('breaks long labels at spaces and keeps a long word whole', () => {
    expect(wrapWords('Идентификација жртава и упућивање', 24)).toBe('Идентификација жртава и\nупућивање')
    expect(wrapWords('Institucionalizacija', 10)).toBe('Institucionalizacija')
    expect(wrapWords('Short', 24)).toBe('Short')
  })
})
