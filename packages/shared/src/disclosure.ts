import { formatCellKey, parseCellKey } from './answers.ts'
import type { StatisticCell } from './reports.ts'

/**
 * Statistical disclosure control for published counts of persons.
 *
 * The rule, in plain words: a count from 1 to 4 (below the threshold, 5 by default) is never published; it is shown
 * as "<5" (primary suppression). A zero is published, because it describes no one. Published tables add up (the
 * identified and presumed victims make the total; the categories of a breakdown make the figure they break down), so
 * a hidden count could often be worked out by subtraction from the figures that are shown. Further figures are
 * therefore withheld and shown as "x" (secondary suppression) until no hidden figure can be worked out exactly from
 * the published figures of the release, across all of its tables, nor pinned down to a single value from the ranges
 * they allow: a "<5" is known to be from 1 to 4 and no count is below zero, so identified "<5" and presumed "<5" with
 * a total of 8 are both 4, and further figures are withheld until that cannot happen. The further figures are chosen
 * to lose as little as possible: in a table that gives a hidden figure away, the smallest non-zero figure is withheld
 * first, then a zero, and only then the total. Rates whose numerator is a hidden count are not published either.
 */
export const DEFAULT_DISCLOSURE_THRESHOLD = 5

export type DisclosureStatus = 'shown' | 'primary' | 'secondary'

/** One additive relation between published figures: the value of `total` equals the sum of the values of `parts`. */
export interface StatisticConstraint {
  total: string
  parts: string[]
}

export interface ReleaseInput {
  cells: { id: string; value: number }[]
  constraints: StatisticConstraint[]
  threshold?: number
}

const TOTAL_KEY = 'total'

/**
 * The additive relations between the cells of a release, as cell ids. Per indicator, country and round: the grand
 * total is the sum of the victim statuses; under each victim status, the categories of every other dimension add up
 * to that status; without a victim status dimension, the categories of each dimension add up to the total (and, for
 * cross-tabulations, the categories of one more dimension add up to their parent cell). A relation is built from the
 * cells present, as long as its total and at least one part are: an attacker may assume the absent parts are zero.
 */
export function statisticConstraints(cells: StatisticCell[]): StatisticConstraint[] {
  const groups = new Map<string, Map<string, string>>()
  for (const cell of cells) {
    const parsed = cell.key === TOTAL_KEY ? new Map<string, string>() : parseCellKey(cell.key)
    if (!parsed) continue
    const groupKey = `${cell.indicatorCode}\u0000${cell.countryCode}\u0000${cell.roundId}`
    const group = groups.get(groupKey) ?? new Map<string, string>()
    groups.set(groupKey, group)
    const key = formatCellKey(parsed)
    if (!group.has(key)) group.set(key, cell.id)
  }
  const out: StatisticConstraint[] = []
  for (const group of groups.values()) out.push(...groupConstraints(group))
  return out
}

/** The relations of one indicator, country and round; `ids` maps normalised cell keys ('' for the total) to ids. */
function groupConstraints(ids: Map<string, string>): StatisticConstraint[] {
  const hasStatus = [...ids.keys()].some((k) => parseCellKey(k)?.has('victim_status'))
  // Children by parent key and the dimension that breaks the parent down.
  const children = new Map<string, { key: string; id: string }[]>()
  for (const [key, id] of ids) {
    if (key === '') continue
    const parsed = parseCellKey(key) as Map<string, string>
    for (const dim of parsed.keys()) {
      const parent = new Map(parsed)
      parent.delete(dim)
      if (hasStatus && dim !== 'victim_status' && !parent.has('victim_status')) continue
      const slot = `${formatCellKey(parent)}|${dim}`
      const list = children.get(slot) ?? []
      children.set(slot, list)
      list.push({ key, id })
    }
  }
  const out: StatisticConstraint[] = []
  const slots = [...children.keys()].map((slot) => [slot.slice(0, slot.lastIndexOf('|')), slot] as const)
  for (const [parent, slot] of slots.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))) {
    const total = ids.get(parent)
    const parts = (children.get(slot) ?? []).sort((a, b) => (a.key < b.key ? -1 : 1)).map((c) => c.id)
    if (total !== undefined && parts.length > 0) out.push({ total, parts })
  }
  return out
}

/** A count that may not be published: 1 to threshold - 1 (zero is published). */
function isSmall(value: number, threshold: number): boolean {
  return value > 0 && value < threshold
}

/** The release as indices: terms of every relation (cell index and coefficient), and relations per cell. */
interface Indexed {
  ids: string[]
  values: number[]
  rows: { total: number; parts: number[]; terms: Map<number, number> }[]
  rowsOf: number[][]
}

function indexRelease(input: ReleaseInput): Indexed {
  const at = new Map<string, number>()
  const ids: string[] = []
  const values: number[] = []
  for (const cell of input.cells) {
    if (at.has(cell.id)) continue
    at.set(cell.id, ids.length)
    ids.push(cell.id)
    values.push(cell.value)
  }
  const rows: Indexed['rows'] = []
  const rowsOf: number[][] = ids.map(() => [])
  for (const c of input.constraints) {
    const total = at.get(c.total)
    const parts = c.parts.map((p) => at.get(p)).filter((p): p is number => p !== undefined)
    if (total === undefined || parts.length === 0) continue
    const terms = new Map<number, number>([[total, 1]])
    for (const p of parts) terms.set(p, (terms.get(p) ?? 0) - 1)
    for (const [cell, coef] of terms) if (coef === 0) terms.delete(cell)
    const row = rows.length
    rows.push({ total, parts, terms })
    for (const cell of new Set([total, ...parts])) rowsOf[cell]?.push(row)
  }
  return { ids, values, rows, rowsOf }
}

/** The suppressed cells connected to `start` through relations, and those relations. */
function component(ix: Indexed, hidden: boolean[], start: number): { cells: number[]; rows: number[] } {
  const cells = [start]
  const rows: number[] = []
  const seenCell = new Set(cells)
  const seenRow = new Set<number>()
  for (let i = 0; i < cells.length; i++) {
    for (const r of ix.rowsOf[cells[i] as number] ?? []) {
      if (seenRow.has(r)) continue
      seenRow.add(r)
      rows.push(r)
      for (const cell of ix.rows[r]?.terms.keys() ?? []) {
        if (hidden[cell] && !seenCell.has(cell)) {
          seenCell.add(cell)
          cells.push(cell)
        }
      }
    }
  }
  return { cells, rows }
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y) [x, y] = [y, x % y]
  return x
}

/**
 * The suppressed cells of one component whose values the relations determine: exact, fraction-free Gauss-Jordan
 * elimination of the relations restricted to the suppressed cells. A cell is determined when its unit vector lies in
 * the row space, that is when the reduced matrix has a row whose only non-zero entry is in that cell's column.
 */
function determined(ix: Indexed, cells: number[], rowIds: number[]): number[] {
  const col = new Map(cells.map((c, i) => [c, i]))
  const m = rowIds.map((r) => {
    const row = new Array<bigint>(cells.length).fill(0n)
    for (const [cell, coef] of ix.rows[r]?.terms ?? []) {
      const j = col.get(cell)
      if (j !== undefined) row[j] = BigInt(coef)
    }
    return row
  })
  let rank = 0
  for (let j = 0; j < cells.length && rank < m.length; j++) {
    const p = m.findIndex((row, i) => i >= rank && row[j] !== 0n)
    if (p < 0) continue
    ;[m[rank], m[p]] = [m[p] as bigint[], m[rank] as bigint[]]
    const pivot = m[rank] as bigint[]
    const pv = pivot[j] as bigint
    for (let i = 0; i < m.length; i++) {
      const row = m[i] as bigint[]
      const a = row[j] as bigint
      if (i === rank || a === 0n) continue
      let g = 0n
      for (let k = 0; k < row.length; k++) {
        row[k] = (row[k] as bigint) * pv - (pivot[k] as bigint) * a
        g = gcd(g, row[k] as bigint)
      }
      if (g > 1n) for (let k = 0; k < row.length; k++) row[k] = (row[k] as bigint) / g
    }
    rank++
  }
  const out: number[] = []
  for (let i = 0; i < rank; i++) {
    const nonZero = (m[i] as bigint[]).flatMap((v, j) => (v === 0n ? [] : [j]))
    if (nonZero.length === 1) out.push(cells[nonZero[0] as number] as number)
  }
  return out
}

/** Every determined suppressed cell, solving each connected component of suppressed cells on its own. */
function allDetermined(ix: Indexed, hidden: boolean[]): Set<number> {
  const out = new Set<number>()
  const done = new Set<number>()
  hidden.forEach((h, cell) => {
    if (!h || done.has(cell)) return
    const comp = component(ix, hidden, cell)
    for (const c of comp.cells) done.add(c)
    for (const c of determined(ix, comp.cells, comp.rows)) out.add(c)
  })
  return out
}

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
function allPinned(ix: Indexed, hidden: boolean[], primary: boolean[], threshold: number): Set<number> {
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

function pinned(
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

/** The shown cell to withhold next: parts before totals, the smallest value above zero first, then zeros, then id. */
function pickSecondary(ix: Indexed, hidden: boolean[], rows: Iterable<number>): number | undefined {
  const better = (a: number, b: number | undefined): boolean => {
    if (b === undefined) return true
    const va = ix.values[a] as number
    const vb = ix.values[b] as number
    if (va > 0 !== vb > 0) return va > 0
    if (va !== vb) return va < vb
    return (ix.ids[a] as string) < (ix.ids[b] as string)
  }
  let part: number | undefined
  let total: number | undefined
  for (const r of rows) {
    const row = ix.rows[r]
    if (!row) continue
    for (const p of row.parts) if (!hidden[p] && better(p, part)) part = p
    if (!hidden[row.total] && better(row.total, total)) total = row.total
  }
  return part ?? total
}

function chooseSecondary(ix: Indexed, hidden: boolean[], derivable: Set<number>): number | undefined {
  const direct = new Set<number>()
  for (const cell of derivable) for (const r of ix.rowsOf[cell] ?? []) direct.add(r)
  const pick = pickSecondary(ix, hidden, direct)
  if (pick !== undefined) return pick
  // Every relation holding a derivable cell is fully suppressed: the value comes from further along its component.
  for (const cell of [...derivable].sort((a, b) => a - b)) {
    const further = pickSecondary(ix, hidden, component(ix, hidden, cell).rows)
    if (further !== undefined) return further
  }
  return undefined
}

/**
 * Primary and secondary suppression of a release. A suppressed cell counts as disclosed when the relations and the
 * shown values determine it exactly (rank test), or when its feasible integer range collapses to a single value
 * (bounds propagation with "<5" read as 1 to 4 and every count at least 0; sound but incomplete, see
 * `componentRanges`); then one more cell is withheld, the same way for both. Deterministic for the same input (cells
 * and relations in the same order), and it terminates: every round withholds one more cell, or stops.
 */
export function protectRelease(input: ReleaseInput): Map<string, DisclosureStatus> {
  const threshold = input.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD
  const ix = indexRelease(input)
  const status: DisclosureStatus[] = ix.values.map((v) => (isSmall(v, threshold) ? 'primary' : 'shown'))
  const primary = status.map((s) => s === 'primary')
  const hidden = [...primary]
  // What the relations fix on their own, even with every figure withheld, cannot be protected by withholding
  // anything and is left aside, for each test apart: a forced zero (exactly), or four "<5" parts of a "<5" total,
  // all 1 (by the ranges; such a total is still kept from being worked out exactly).
  const allHidden = hidden.map(() => true)
  const forcedExact = allDetermined(ix, allHidden)
  const forcedRange = allPinned(ix, allHidden, primary, threshold)
  const exposed = new Set<number>()
  const expose = (exact: Iterable<number>, ranged: Iterable<number>) => {
    for (const c of exact) if (!forcedExact.has(c)) exposed.add(c)
    for (const c of ranged) if (!forcedRange.has(c)) exposed.add(c)
  }
  expose(allDetermined(ix, hidden), allPinned(ix, hidden, primary, threshold))
  for (;;) {
    if (exposed.size === 0) break
    const pick = chooseSecondary(ix, hidden, exposed)
    if (pick === undefined) break
    status[pick] = 'secondary'
    hidden[pick] = true
    const comp = component(ix, hidden, pick)
    for (const c of comp.cells) exposed.delete(c)
    expose(determined(ix, comp.cells, comp.rows), pinned(ix, hidden, primary, threshold, comp))
  }
  return new Map(ix.ids.map((id, i) => [id, status[i] as DisclosureStatus]))
}

/**
 * The suppressed cells (primary or secondary in `status`) whose values the relations and the shown values determine
 * exactly, sorted by id. Empty for a release protected by `protectRelease`, except for a cell the relations fix on
 * their own whatever is shown (a forced zero).
 */
export function derivableCells(input: ReleaseInput, status: Map<string, DisclosureStatus>): string[] {
  const ix = indexRelease(input)
  const hidden = ix.ids.map((id) => (status.get(id) ?? 'shown') !== 'shown')
  return [...allDetermined(ix, hidden)].map((i) => ix.ids[i] as string).sort()
}

/**
 * The suppressed cells (primary or secondary in `status`) whose feasible integer range, given the shown values, the
 * relations and the bounds (1 to threshold - 1 for a primary suppression, at least 0 otherwise), is a single value,
 * sorted by id. Bounds propagation: sound (every cell listed is pinned down) but incomplete (a cross-tabulation may
 * pin a cell that propagation misses). Empty for a release protected by `protectRelease`, except for a cell pinned
 * down whatever is withheld (four "<5" parts of a "<5" total).
 */
export function intervalDisclosedCells(input: ReleaseInput, status: Map<string, DisclosureStatus>): string[] {
  const threshold = input.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD
  const ix = indexRelease(input)
  const of = ix.ids.map((id) => status.get(id) ?? 'shown')
  const pinnedCells = allPinned(
    ix,
    of.map((s) => s !== 'shown'),
    of.map((s) => s === 'primary'),
    threshold,
  )
  return [...pinnedCells].map((i) => ix.ids[i] as string).sort()
}

/** True when a rate must not be published because its numerator is a suppressed count. */
export function suppressRate(numerator: number | null, threshold = DEFAULT_DISCLOSURE_THRESHOLD): boolean {
  return numerator !== null && isSmall(numerator, threshold)
}

/**
 * How a figure appears in a public release. A primary suppression shows `<5` (with the threshold in use); a secondary
 * one shows `x`, which means "withheld so that another figure cannot be worked out". Both are language-neutral
 * symbols of statistical publishing; a legend from the catalogs explains them. A shown figure is returned as digits,
 * which a renderer may format for its locale; a missing figure has no text.
 */
export function disclosedValue(
  value: number | null,
  status: DisclosureStatus,
  threshold = DEFAULT_DISCLOSURE_THRESHOLD,
): { text: string | null; suppressed: boolean } {
  if (status === 'primary') return { text: `<${threshold}`, suppressed: true }
  if (status === 'secondary') return { text: 'x', suppressed: true }
  return { text: value === null ? null : String(value), suppressed: false }
}
