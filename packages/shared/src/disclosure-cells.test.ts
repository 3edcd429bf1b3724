import { describe, expect, it } from 'vitest'
import {
  type DisclosureStatus,
  derivableCells,
  disclosedValue,
  protectRelease,
  statisticConstraints,
  suppressRate,
} from './disclosure.ts'
import type { StatisticCell } from './reports.ts'

const cellsOf = (values: Record<string, number>) => Object.entries(values).map(([id, value]) => ({ id, value }))

describe('derivableCells', () => {
  it('finds a cell alone in an equation with shown cells', () => {
    const cells = cellsOf({ t: 30, a: 2, b: 9, c: 19 })
    const constraints = [{ total: 't', parts: ['a', 'b', 'c'] }]
    const naive = new Map<string, DisclosureStatus>([
      ['t', 'shown'],
      ['a', 'primary'],
      ['b', 'shown'],
      ['c', 'shown'],
    ])
    expect(derivableCells({ cells, constraints }, naive)).toEqual(['a'])
  })

  it('finds a cell determined only by combining equations', () => {
    // x + y = t (shown); y = p + q (shown parts): y, then x, follow.
    const cells = cellsOf({ t: 10, x: 3, y: 7, p: 3, q: 4 })
    const constraints = [
      { total: 't', parts: ['x', 'y'] },
      { total: 'y', parts: ['p', 'q'] },
    ]
    const status = new Map<string, DisclosureStatus>([
      ['t', 'shown'],
      ['x', 'primary'],
      ['y', 'secondary'],
      ['p', 'shown'],
      ['q', 'shown'],
    ])
    expect(derivableCells({ cells, constraints }, status)).toEqual(['x', 'y'])
  })
})

describe('statisticConstraints', () => {
  const cell = (key: string, value: number, indicatorCode = 'I1'): StatisticCell => ({
    id: `${indicatorCode}:${key}`,
    indicatorCode,
    countryCode: 'RS',
    roundId: 'r1',
    key,
    value,
  })

  it('relates statuses to the total and breakdowns to their status', () => {
    const cells = [
      cell('total', 10),
      cell('victim_status=identified', 6),
      cell('victim_status=presumed', 4),
      cell('sex=female;victim_status=identified', 4),
      cell('sex=male;victim_status=identified', 2),
      cell('age_group=age_0_13;victim_status=presumed', 4),
      cell('sex=female', 5, 'I2'),
      cell('sex=male', 5, 'I2'),
      cell('total', 10, 'I2'),
      cell('age_group=unknown', 10, 'I2'),
    ]
    expect(statisticConstraints(cells)).toEqual([
      { total: 'I1:total', parts: ['I1:victim_status=identified', 'I1:victim_status=presumed'] },
      {
        total: 'I1:victim_status=identified',
        parts: ['I1:sex=female;victim_status=identified', 'I1:sex=male;victim_status=identified'],
      },
      { total: 'I1:victim_status=presumed', parts: ['I1:age_group=age_0_13;victim_status=presumed'] },
      { total: 'I2:total', parts: ['I2:age_group=unknown'] },
      { total: 'I2:total', parts: ['I2:sex=female', 'I2:sex=male'] },
    ])
  })

  it('needs the total and a part, and keeps indicators, countries and rounds apart', () => {
    const cells = [
      cell('victim_status=identified', 6),
      cell('sex=female;victim_status=identified', 4),
      cell('victim_status=presumed', 4),
      { ...cell('total', 10), id: 'other-round', roundId: 'r2' },
      cell('total', 3, 'I3'),
    ]
    expect(statisticConstraints(cells)).toEqual([
      { total: 'I1:victim_status=identified', parts: ['I1:sex=female;victim_status=identified'] },
    ])
  })
})

describe('suppressRate and disclosedValue', () => {
  it('suppresses rates of small counts', () => {
    expect(suppressRate(3, 5)).toBe(true)
    expect(suppressRate(0, 5)).toBe(false)
    expect(suppressRate(5, 5)).toBe(false)
    expect(suppressRate(null, 5)).toBe(false)
    expect(suppressRate(4)).toBe(true)
    expect(suppressRate(3, 3)).toBe(false)
  })

  it('shows suppressed figures as symbols', () => {
    expect(disclosedValue(3, 'primary', 5)).toEqual({ text: '<5', suppressed: true })
    expect(disclosedValue(2, 'primary', 3)).toEqual({ text: '<3', suppressed: true })
    expect(disclosedValue(40, 'secondary', 5)).toEqual({ text: 'x', suppressed: true })
    expect(disclosedValue(40, 'shown', 5)).toEqual({ text: '40', suppressed: false })
    expect(disclosedValue(null, 'shown')).toEqual({ text: null, suppressed: false })
  })
})

describe('protectRelease: performance', () => {
  it('protects a national report of ~2,000 cells quickly', () => {
    let seed = 42
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const count = () => (rand() < 0.5 ? Math.floor(rand() * 5) : Math.floor(rand() * 30))
    const cells: StatisticCell[] = []
    const dims = { sex: 3, age_group: 5, citizenship: 5, exploitation_form: 6 }
    for (let i = 0; i < 10; i++) {
      for (let round = 0; round < 5; round++) {
        const add = (key: string, value: number) =>
          cells.push({
            id: `${i}:${round}:${key}`,
            indicatorCode: `I${i}`,
            countryCode: 'RS',
            roundId: `${round}`,
            key,
            value,
          })
        let total = 0
        for (const s of ['identified', 'presumed']) {
          const first = Array.from({ length: 3 }, count)
          const figure = first.reduce((a, b) => a + b, 0)
          total += figure
          add(`victim_status=${s}`, figure)
          for (const [dim, n] of Object.entries(dims)) {
            let left = figure
            for (let c = 0; c < n; c++) {
              const value = dim === 'sex' ? (first[c] ?? 0) : c === n - 1 ? left : Math.min(left, count())
              left -= value
              add(`${dim}=c${c};victim_status=${s}`, value)
            }
          }
        }
        add('total', total)
      }
    }
    const release = { cells, constraints: statisticConstraints(cells) }
    const started = performance.now()
    const status = protectRelease(release)
    const elapsed = performance.now() - started
    expect(cells.length).toBeGreaterThan(1900)
    expect(derivableCells(release, status)).toEqual([])
    expect(elapsed).toBeLessThan(1000)
  })
})
