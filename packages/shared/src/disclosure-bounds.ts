/** The range test of disclosure control (see `protectRelease`): suppressed cells pinned down by bounds propagation. */

import { component, type Indexed } from './disclosure-index.ts'

/** An integer range of a suppressed cell; `hi` may be Infinity. */
type Range = { lo: number; hi: number }

/** What the reader knows of a suppressed cell before any relation: 1 to threshold - 1 for "<5", else at least 0. */
function initialRange(primary: boolean, threshold: number): Range {
  return primary ? { lo: 1, hi: threshold - 1 } : { lo: 0, hi: Number.POSITIVE_INFINITY }
}

/**
 * The feasible integer ranges of the suppressed cells of one component, by bounds propagation: every relation
 * sum(coef * value) = 0, with the shown values substituted, narrows each suppressed term to what the ranges of the
 * other terms leave, until nothing changes. Every step is a valid deduction, so each range holds every value the
 * cell can take (sound), but the ranges may be wider than the true sets of feasible values (incomplete): propagation
 * looks at one relation at a time, which is exact for tree-shaped tables (one-dimensional breakdowns, nested or
 * sharing a total) but not for cycles such as the inner cells of a cross-tabulation with margins. Undefined when
 * the relations contradict the ranges (inconsistent data: nothing is pinned down then). A step budget bounds the
 * work on inconsistent data, where bounds could creep without end; stopping early keeps the ranges sound.
 */
function componentRanges(
  ix: Indexed,
  hidden: boolean[],
  primary: boolean[],
  threshold: number,
  cells: number[],
  rowIds: number[],
): Map<number, Range> | undefined {
  const range = new Map(cells.map((c) => [c, initialRange(primary[c] === true, threshold)]))
  const queue = [...rowIds]
  const queued = new Set(queue)
  let budget = 10_000 + 100 * rowIds.length
  while (queue.length > 0 && budget-- > 0) {
    const r = queue.shift() as number
    queued.delete(r)
    const terms = [...(ix.rows[r]?.terms ?? [])]
    // sum over hidden terms of coef * value = -constant; the other hidden terms span [min, max] (infinite parts counted).
    let constant = 0
    let minSum = 0
    let maxSum = 0
    let minInf = 0
    let maxInf = 0
    const hiddenTerms: [number, number, number, number][] = []
    for (const [cell, coef] of terms) {
      if (!hidden[cell]) {
        constant += coef * (ix.values[cell] as number)
        continue
      }
      const { lo, hi } = range.get(cell) as Range
      const low = coef > 0 ? coef * lo : coef * hi
      const high = coef > 0 ? coef * hi : coef * lo
      if (Number.isFinite(low)) minSum += low
      else minInf++
      if (Number.isFinite(high)) maxSum += high
      else maxInf++
      hiddenTerms.push([cell, coef, low, high])
    }
    for (const [cell, coef, low, high] of hiddenTerms) {
      // The other terms: their minimum and maximum, without this term's own contribution.
      const othersInfMin = minInf - (Number.isFinite(low) ? 0 : 1)
      const othersInfMax = maxInf - (Number.isFinite(high) ? 0 : 1)
      const othersMin = othersInfMin > 0 ? Number.NEGATIVE_INFINITY : minSum - (Number.isFinite(low) ? low : 0)
      const othersMax = othersInfMax > 0 ? Number.POSITIVE_INFINITY : maxSum - (Number.isFinite(high) ? high : 0)
      // coef * value lies in [-constant - othersMax, -constant - othersMin].
      const a = -constant - othersMax
      const b = -constant - othersMin
      const lo = coef > 0 ? Math.ceil(a / coef) : Math.ceil(b / coef)
      const hi = coef > 0 ? Math.floor(b / coef) : Math.floor(a / coef)
      const current = range.get(cell) as Range
      if (lo <= current.lo && hi >= current.hi) continue
      const next = { lo: Math.max(current.lo, lo), hi: Math.min(current.hi, hi) }
      if (next.lo > next.hi) return undefined
      range.set(cell, next)
      for (const other of ix.rowsOf[cell] ?? []) {
        if (!queued.has(other)) {
          queued.add(other)
          queue.push(other)
        }
      }
    }
  }
  return range
}

/**
 * Every suppressed cell whose feasible range (see `componentRanges`) is a single value, given the published values,
 * the relations and the bounds: 1 to threshold - 1 for a primary suppression, at least 0 for any other.
 */
export function allPinned(ix: Indexed, hidden: boolean[], primary: boolean[], threshold: number): Set<number> {
  const out = new Set<number>()
  const done = new Set<number>()
  hidden.forEach((h, cell) => {
    if (!h || done.has(cell)) return
    const comp = component(ix, hidden, cell)
    for (const c of comp.cells) done.add(c)
    for (const c of pinned(ix, hidden, primary, threshold, comp)) out.add(c)
  })
  return out
}

export function pinned(
  ix: Indexed,
  hidden: boolean[],
  primary: boolean[],
  threshold: number,
  comp: { cells: number[]; rows: number[] },
): number[] {
  const ranges = componentRanges(ix, hidden, primary, threshold, comp.cells, comp.rows)
  if (!ranges) return []
  return comp.cells.filter((c) => {
    const r = ranges.get(c) as Range
    return r.lo === r.hi
  })
}
