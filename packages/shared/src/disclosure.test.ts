import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type DisclosureStatus,
  derivableCells,
  disclosedValue,
  intervalDisclosedCells,
  protectRelease,
  type StatisticConstraint,
  statisticConstraints,
  suppressRate,
} from './disclosure.ts'
import type { StatisticCell } from './reports.ts'

const cellsOf = (values: Record<string, number>) => Object.entries(values).map(([id, value]) => ({ id, value }))
const hiddenIds = (status: Map<string, DisclosureStatus>, kind?: DisclosureStatus) =>
  [...status].filter(([, s]) => (kind ? s === kind : s !== 'shown')).map(([id]) => id)

/**
 * Independent check: a suppressed cell is determined by the relations exactly when its column (restricted to the
 * suppressed cells) is not in the span of the other suppressed columns, i.e. dropping it lowers the rank. Floating
 * point with partial pivoting; the matrices hold only -1, 0, 1 and are small.
 */
function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r])
  const width = m[0]?.length ?? 0
  let r = 0
  for (let c = 0; c < width && r < m.length; c++) {
    let best = r
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[best]![c]!)) best = i
    if (Math.abs(m[best]![c]!) < 1e-9) continue
    ;[m[r], m[best]] = [m[best]!, m[r]!]
    for (let i = r + 1; i < m.length; i++) {
      const f = m[i]![c]! / m[r]![c]!
      if (f !== 0) for (let k = c; k < width; k++) m[i]![k]! -= f * m[r]![k]!
    }
    r++
  }
  return r
}

function determinedByRank(constraints: StatisticConstraint[], hidden: string[]): string[] {
  const col = new Map(hidden.map((id, i) => [id, i]))
  const rows = constraints
    .map((c) => {
      const row = new Array<number>(hidden.length).fill(0)
      const t = col.get(c.total)
      if (t !== undefined) row[t]! += 1
      for (const p of c.parts) {
        const j = col.get(p)
        if (j !== undefined) row[j]! -= 1
      }
      return row
    })
    .filter((row) => row.some((v) => v !== 0))
  const full = rank(rows)
  return hidden.filter((_, j) => rank(rows.map((row) => row.filter((_, k) => k !== j))) < full)
}

describe('protectRelease: hand-worked tables', () => {
  it('withholds a second cell of a one-dimensional table with one small cell', () => {
    const cells = cellsOf({ t: 30, a: 2, b: 9, c: 19 })
    const constraints = [{ total: 't', parts: ['a', 'b', 'c'] }]
    const status = protectRelease({ cells, constraints, threshold: 5 })
    expect(Object.fromEntries(status)).toEqual({ t: 'shown', a: 'primary', b: 'secondary', c: 'shown' })
    expect(derivableCells({ cells, constraints }, status)).toEqual([])
  })

  it('withholds a rectangle of a 2x2 table with margins when one cell is small', () => {
    // a b | r1
    // c d | r2
    // ----+---
    // k1 k2 | t
    const cells = cellsOf({ a: 2, b: 10, c: 7, d: 12, r1: 12, r2: 19, k1: 9, k2: 22, t: 31 })
    const constraints = [
      { total: 'r1', parts: ['a', 'b'] },
      { total: 'r2', parts: ['c', 'd'] },
      { total: 'k1', parts: ['a', 'c'] },
      { total: 'k2', parts: ['b', 'd'] },
      { total: 't', parts: ['r1', 'r2'] },
      { total: 't', parts: ['k1', 'k2'] },
    ]
    const status = protectRelease({ cells, constraints })
    expect(hiddenIds(status, 'primary')).toEqual(['a'])
    expect(hiddenIds(status).sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(derivableCells({ cells, constraints }, status)).toEqual([])
  })

  it('never treats a zero as a primary suppression, and prefers a non-zero complement', () => {
    const cells = cellsOf({ t: 14, a: 0, b: 3, c: 0, d: 11 })
    const constraints = [{ total: 't', parts: ['a', 'b', 'c', 'd'] }]
    const status = protectRelease({ cells, constraints })
    expect(Object.fromEntries(status)).toEqual({ t: 'shown', a: 'shown', b: 'primary', c: 'shown', d: 'secondary' })
  })

  it('withholds a zero when it is the only other part, and the total only as the last resort', () => {
    const zero = protectRelease({
      cells: cellsOf({ t: 8, a: 8, b: 0 }),
      constraints: [{ total: 't', parts: ['a', 'b'] }],
    })
    expect(Object.fromEntries(zero)).toEqual({ t: 'shown', a: 'shown', b: 'shown' })
    const small = protectRelease({
      cells: cellsOf({ t: 7, a: 3, b: 0, c: 4 }),
      constraints: [{ total: 't', parts: ['a', 'b', 'c'] }],
    })
    expect(Object.fromEntries(small)).toEqual({ t: 'shown', a: 'primary', b: 'shown', c: 'primary' })
    const onlyTotal = protectRelease({ cells: cellsOf({ t: 9, a: 2 }), constraints: [{ total: 't', parts: ['a'] }] })
    expect(Object.fromEntries(onlyTotal)).toEqual({ t: 'secondary', a: 'primary' })
    const withZero = protectRelease({
      cells: cellsOf({ t: 9, a: 2, z: 0, big: 7 }),
      constraints: [{ total: 't', parts: ['a', 'z', 'big'] }],
    })
    expect(withZero.get('big')).toBe('secondary')
    expect(withZero.get('z')).toBe('shown')
  })

  it('suppresses a small total once, consistently in every table that shows it', () => {
    const cells = cellsOf({ t: 3, a: 3, b: 0, c: 1, d: 2, e: 0 })
    const constraints = [
      { total: 't', parts: ['a', 'b'] },
      { total: 't', parts: ['c', 'd', 'e'] },
    ]
    const status = protectRelease({ cells, constraints })
    expect(status.size).toBe(6)
    expect(Object.fromEntries(status)).toEqual({
      t: 'primary',
      a: 'primary',
      b: 'shown',
      c: 'primary',
      d: 'primary',
      e: 'shown',
    })
    expect(derivableCells({ cells, constraints }, status)).toEqual([])
  })

  it('protects a shared total that becomes derivable through a second table', () => {
    // t = a + b (a small); t = c + d with everything shown would give t away once t is withheld.
    const cells = cellsOf({ t: 20, a: 2, b: 18, c: 12, d: 8 })
    const constraints = [
      { total: 't', parts: ['a', 'b'] },
      { total: 't', parts: ['c', 'd'] },
    ]
    const status = protectRelease({ cells, constraints })
    expect(hiddenIds(status).sort()).toEqual(['a', 'b'])
    // A release where the second table must give way too.
    const tight = cellsOf({ t: 6, a: 2, b: 4, c: 1, d: 5 })
    const tightStatus = protectRelease({ cells: tight, constraints })
    expect(hiddenIds(tightStatus, 'primary').sort()).toEqual(['a', 'b', 'c'])
    expect(derivableCells({ cells: tight, constraints }, tightStatus)).toEqual([])
  })

  it('takes the threshold from the input', () => {
    const cells = cellsOf({ t: 40, a: 3, b: 2, c: 35 })
    const constraints = [{ total: 't', parts: ['a', 'b', 'c'] }]
    const at3 = protectRelease({ cells, constraints, threshold: 3 })
    expect(Object.fromEntries(at3)).toEqual({ t: 'shown', a: 'secondary', b: 'primary', c: 'shown' })
    const at5 = protectRelease({ cells, constraints })
    expect(hiddenIds(at5, 'primary').sort()).toEqual(['a', 'b'])
    expect(hiddenIds(at5, 'secondary')).toEqual([])
  })

  it('stops at a value the relations fix on their own, whatever is shown', () => {
    // Partial tables read as complete: t = x and t = x + y force y = 0, so no suppression can hide y.
    const cells = cellsOf({ t: 5, x: 3, y: 2 })
    const constraints = [
      { total: 't', parts: ['x'] },
      { total: 't', parts: ['x', 'y'] },
    ]
    const status = protectRelease({ cells, constraints })
    expect(Object.fromEntries(status)).toEqual({ t: 'secondary', x: 'primary', y: 'primary' })
    expect(derivableCells({ cells, constraints }, status)).toEqual(['y'])
  })

  it('is deterministic', () => {
    const cells = cellsOf({ t: 30, a: 2, b: 7, c: 7, d: 14 })
    const constraints = [{ total: 't', parts: ['a', 'b', 'c', 'd'] }]
    const first = protectRelease({ cells, constraints })
    expect(protectRelease({ cells, constraints })).toEqual(first)
    expect(first.get('b')).toBe('secondary')
    expect(first.get('c')).toBe('shown')
  })
})

describe('protectRelease: ranges of "<5" and of counts', () => {
  const one = (values: Record<string, number>) => {
    const cells = cellsOf(values)
    const constraints = [{ total: 't', parts: Object.keys(values).filter((id) => id !== 't') }]
    return { cells, constraints, status: protectRelease({ cells, constraints }) }
  }

  it('withholds a total of 8 over identified "<5" and presumed "<5", which pins both to 4', () => {
    const { cells, constraints, status } = one({ t: 8, identified: 4, presumed: 4 })
    const naive = new Map<string, DisclosureStatus>([
      ['t', 'shown'],
      ['identified', 'primary'],
      ['presumed', 'primary'],
    ])
    expect(derivableCells({ cells, constraints }, naive)).toEqual([])
    expect(intervalDisclosedCells({ cells, constraints }, naive)).toEqual(['identified', 'presumed'])
    expect(Object.fromEntries(status)).toEqual({ t: 'secondary', identified: 'primary', presumed: 'primary' })
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual([])
  })

  it('withholds a part when the remainder of 2 over two "<5" parts pins both to 1', () => {
    const { cells, constraints, status } = one({ t: 12, a: 1, b: 1, c: 10 })
    expect(Object.fromEntries(status)).toEqual({ t: 'shown', a: 'primary', b: 'primary', c: 'secondary' })
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual([])
    expect(derivableCells({ cells, constraints }, status)).toEqual([])
  })

  it('withholds a part when the remainder can be split over the "<5" parts one way only', () => {
    // 30 - 18 = 12 over three "<5" parts: each is 4. A zero part does not help, so the 18 is withheld.
    const { cells, constraints, status } = one({ t: 30, a: 4, b: 4, c: 4, z: 0, d: 18 })
    expect(Object.fromEntries(status)).toEqual({
      t: 'shown',
      a: 'primary',
      b: 'primary',
      c: 'primary',
      z: 'shown',
      d: 'secondary',
    })
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual([])
    // A remainder of 3 over three "<5" parts pins each to 1.
    const low = one({ t: 23, a: 1, b: 1, c: 1, d: 20 })
    expect(low.status.get('d')).toBe('secondary')
    expect(intervalDisclosedCells(low, low.status)).toEqual([])
  })

  it('follows a withheld total into the other table that shows it', () => {
    // The total of 8 is withheld to protect the statuses; the sex breakdown (8 and 0) would give it back.
    const cells = cellsOf({ t: 8, identified: 4, presumed: 4, female: 8, male: 0 })
    const constraints = [
      { total: 't', parts: ['identified', 'presumed'] },
      { total: 't', parts: ['female', 'male'] },
    ]
    const status = protectRelease({ cells, constraints })
    expect(Object.fromEntries(status)).toEqual({
      t: 'secondary',
      identified: 'primary',
      presumed: 'primary',
      female: 'secondary',
      male: 'shown',
    })
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual([])
    expect(derivableCells({ cells, constraints }, status)).toEqual([])
  })

  it('stops at "<5" parts that pin a "<5" total whatever is withheld', () => {
    // Four parts of at least 1 under a total of at most 4: every one is known, and withholding the zero changes nothing.
    const { cells, constraints, status } = one({ t: 4, a: 1, b: 1, c: 1, d: 1, z: 0 })
    expect(hiddenIds(status, 'secondary')).toEqual([])
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual(['a', 'b', 'c', 'd', 't'])
  })

  it('reads a secondary suppression as any count of at least 0', () => {
    const cells = cellsOf({ t: 9, a: 2, b: 7 })
    const constraints = [{ total: 't', parts: ['a', 'b'] }]
    const status = new Map<string, DisclosureStatus>([
      ['t', 'shown'],
      ['a', 'primary'],
      ['b', 'secondary'],
    ])
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual([])
    // With a total of 4, b is at most 3 and a at least 1; a total of 1 pins both (a = 1, b = 0).
    expect(intervalDisclosedCells({ cells: cellsOf({ t: 1, a: 1, b: 0 }), constraints }, status)).toEqual(['a', 'b'])
  })
})

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

/** A random release: indicators with or without victim status, 1-3 dimensions, persons counted into cells. */
const smallCount = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 12 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 40 }), weight: 1 },
)
const indicatorArb = fc.record({
  withStatus: fc.boolean(),
  dims: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 3 }),
  countries: fc.integer({ min: 1, max: 2 }),
  /** Seeds for the persons of each country and status: how many in each category of each dimension. */
  counts: fc.array(fc.array(smallCount, { minLength: 5, maxLength: 5 }), { minLength: 12, maxLength: 12 }),
  /** Some cells are not reported (a 0 drops the cell when the release drops some). */
  missing: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 64, maxLength: 64 }),
  regional: fc.boolean(),
})
const releaseArb = fc.record({
  indicators: fc.array(indicatorArb, { minLength: 1, maxLength: 3 }),
  threshold: fc.constantFrom(3, 5, 5, 5),
  dropSome: fc.boolean(),
})

type RandomRelease = typeof releaseArb extends fc.Arbitrary<infer T> ? T : never

function buildRelease(r: RandomRelease) {
  const cells: StatisticCell[] = []
  const extra: StatisticConstraint[] = []
  const extraCells: { id: string; value: number }[] = []
  let coin = 0
  const dims = ['sex', 'age_group', 'citizenship']
  r.indicators.forEach((ind, i) => {
    const code = `I${i}`
    const statuses = ind.withStatus ? ['identified', 'presumed'] : [null]
    const countryTotals: string[] = []
    let regional = 0
    for (let country = 0; country < ind.countries; country++) {
      const push = (key: string, value: number) => {
        if (!r.dropSome || ind.missing[coin++ % ind.missing.length] !== 0)
          cells.push({
            id: `${code}:${country}:${key}`,
            indicatorCode: code,
            countryCode: `C${country}`,
            roundId: 'r',
            key,
            value,
          })
      }
      let total = 0
      statuses.forEach((s, si) => {
        // The first dimension's counts fix the status figure; the others spread the same persons differently.
        const first = (ind.counts[(country * 2 + si) % 12] ?? []).slice(0, ind.dims[0])
        const figure = first.reduce((a, b) => a + b, 0)
        total += figure
        ind.dims.forEach((n, d) => {
          let left = figure
          for (let c = 0; c < n; c++) {
            const seed = ind.counts[(country * 2 + si + d * 4 + c) % 12]?.[c] ?? 0
            const value = d === 0 ? (first[c] ?? 0) : c === n - 1 ? left : Math.min(left, seed)
            left -= value
            const key = s ? `${dims[d]}=c${c};victim_status=${s}` : `${dims[d]}=c${c}`
            push(key, value)
          }
        })
        if (s) push(`victim_status=${s}`, figure)
      })
      push('total', total)
      countryTotals.push(`${code}:${country}:total`)
      regional += total
    }
    if (ind.regional && ind.countries > 1) {
      extraCells.push({ id: `${code}:region`, value: regional })
      extra.push({ total: `${code}:region`, parts: countryTotals.filter((id) => cells.some((c) => c.id === id)) })
    }
  })
  return {
    cells: [...cells.map(({ id, value }) => ({ id, value })), ...extraCells],
    constraints: [...statisticConstraints(cells), ...extra.filter((c) => c.parts.length > 0)],
    threshold: r.threshold,
  }
}

describe('protectRelease: property', () => {
  it('leaves no suppressed value derivable from the published tables of a release', () => {
    fc.assert(
      fc.property(releaseArb, (r) => {
        const release = buildRelease(r)
        const status = protectRelease(release)
        for (const { id, value } of release.cells) {
          const s = status.get(id)
          if (value > 0 && value < release.threshold) expect(s, id).toBe('primary')
          else expect(s, id).not.toBe('primary')
        }
        const hidden = hiddenIds(status)
        expect(determinedByRank(release.constraints, hidden)).toEqual([])
        expect(derivableCells(release, status)).toEqual([])
        // Pinned down by the ranges only where nothing withheld could help: as when every figure is withheld. (Not
        // the other way round: dropped cells make some relations contradict the shown values, which pins nothing.)
        const everything = new Map(
          [...status].map(([id, s]) => [id, s === 'primary' ? 'primary' : 'secondary'] as const),
        )
        const forced = intervalDisclosedCells(release, everything)
        expect(intervalDisclosedCells(release, status).filter((id) => !forced.includes(id))).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})

/**
 * Independent check by enumeration: every assignment of non-negative integers to the suppressed cells (1 to
 * threshold - 1 for a primary one, 0 to `cap` for a secondary one) that satisfies every relation with the shown
 * values, depth first in cell order. The last unknown of a relation is computed rather than tried; parts above their
 * known total are cut off. Returns the values each suppressed cell takes across the solutions, and stops early once
 * every suppressed cell has taken two. The cap only removes solutions, so a cell seen with two values has them.
 */
function valuesAcross(
  release: { cells: { id: string; value: number }[]; constraints: StatisticConstraint[]; threshold: number },
  status: Map<string, DisclosureStatus>,
  cap = 60,
): Map<string, Set<number>> {
  const ids = release.cells.map((c) => c.id)
  const hidden = ids.filter((id) => status.get(id) !== 'shown')
  const seen = new Map(hidden.map((id) => [id, new Set<number>()]))
  const value = new Map(release.cells.filter((c) => status.get(c.id) === 'shown').map((c) => [c.id, c.value]))
  const domain = (id: string): [number, number] =>
    status.get(id) === 'primary' ? [1, release.threshold - 1] : [0, cap]
  const sumOf = (parts: string[]) => parts.reduce((a, p) => a + (value.get(p) as number), 0)
  const holds = () =>
    release.constraints.every((c) => {
      const known = [c.total, ...c.parts].every((id) => value.has(id))
      if (known) return value.get(c.total) === sumOf(c.parts)
      const total = value.get(c.total)
      return total === undefined || sumOf(c.parts.filter((p) => value.has(p))) <= total
    })
  const done = () => [...seen.values()].every((v) => v.size >= 2)
  const visit = (i: number): void => {
    if (done()) return
    const id = hidden[i]
    if (id === undefined) {
      for (const h of hidden) seen.get(h)?.add(value.get(h) as number)
      return
    }
    const [lo, hi] = domain(id)
    // The last unknown of a relation: its value follows from the others.
    const closing = release.constraints.find((c) => {
      const terms = [c.total, ...c.parts]
      return terms.includes(id) && terms.every((x) => x === id || value.has(x))
    })
    const forcedValue = closing
      ? closing.total === id
        ? sumOf(closing.parts)
        : (value.get(closing.total) as number) - sumOf(closing.parts.filter((p) => p !== id))
      : undefined
    const candidates = forcedValue === undefined ? Array.from({ length: hi - lo + 1 }, (_, k) => lo + k) : [forcedValue]
    for (const v of candidates) {
      if (v < lo || v > hi) continue
      value.set(id, v)
      if (holds()) visit(i + 1)
      value.delete(id)
    }
  }
  visit(0)
  return seen
}

/** Small releases: one-dimensional tables of 2 to 4 parts, alone, as two breakdowns of one total, or nested. */
const tinyCount = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 12 }), weight: 2 },
)
const tinyArb = fc.record({
  shape: fc.constantFrom('one', 'shared', 'nested'),
  first: fc.array(tinyCount, { minLength: 2, maxLength: 4 }),
  second: fc.array(tinyCount, { minLength: 2, maxLength: 4 }),
})

function buildTiny(r: typeof tinyArb extends fc.Arbitrary<infer T> ? T : never) {
  const total = r.first.reduce((a, b) => a + b, 0)
  const cells = [{ id: 't', value: total }, ...r.first.map((value, i) => ({ id: `a${i}`, value }))]
  const constraints: StatisticConstraint[] = [{ total: 't', parts: r.first.map((_, i) => `a${i}`) }]
  if (r.shape !== 'one') {
    // The second table splits the total (shared) or the first part (nested) its own way.
    const parent = r.shape === 'shared' ? 't' : 'a0'
    let left = r.shape === 'shared' ? total : (r.first[0] as number)
    r.second.forEach((seed, i) => {
      const value = i === r.second.length - 1 ? left : Math.min(left, seed)
      left -= value
      cells.push({ id: `b${i}`, value })
    })
    constraints.push({ total: parent, parts: r.second.map((_, i) => `b${i}`) })
  }
  return { cells, constraints, threshold: 5 }
}

describe('protectRelease: property, by enumeration', () => {
  it('leaves every suppressed cell of a small release with at least two possible values', () => {
    fc.assert(
      fc.property(tinyArb, (r) => {
        const release = buildTiny(r)
        const status = protectRelease(release)
        // Cells with one possible value even when every figure is withheld cannot be protected.
        const everything = new Map(
          release.cells.map(({ id }) => [id, status.get(id) === 'primary' ? 'primary' : 'secondary'] as const),
        )
        const forced = [...valuesAcross(release, everything)].filter(([, v]) => v.size < 2).map(([id]) => id)
        const across = valuesAcross(release, status)
        for (const [id, values] of across) {
          if (!forced.includes(id)) expect(values.size, `${id} in ${JSON.stringify(release)}`).toBeGreaterThan(1)
        }
        expect(intervalDisclosedCells(release, status)).toEqual(forced.filter((id) => across.has(id)).sort())
      }),
      { numRuns: 300 },
    )
  })

  it('finds exactly the cells that enumeration pins down before any secondary suppression', () => {
    // One-dimensional tables, nested or sharing a total, are tree-shaped: bounds propagation is exact on them.
    fc.assert(
      fc.property(tinyArb, (r) => {
        const release = buildTiny(r)
        const small = (v: number) => v > 0 && v < release.threshold
        const naive = new Map(release.cells.map(({ id, value }) => [id, small(value) ? 'primary' : 'shown'] as const))
        const pinnedDown = [...valuesAcross(release, naive)].filter(([, v]) => v.size < 2).map(([id]) => id)
        expect(intervalDisclosedCells(release, naive)).toEqual(pinnedDown.sort())
      }),
      { numRuns: 300 },
    )
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
