import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type DisclosureStatus,
  derivableCells,
  intervalDisclosedCells,
  protectRelease,
  type StatisticConstraint,
  statisticConstraints,
} from './disclosure.ts'
import type { StatisticCell } from './reports.ts'

/** Properties of `protectRelease` on random releases, checked by independent means: rank, and enumeration. */

const hiddenIds = (status: Map<string, DisclosureStatus>) =>
  [...status].filter(([, s]) => s !== 'shown').map(([id]) => id)

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
