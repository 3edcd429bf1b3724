import { allPinned, pinned } from './disclosure-bounds.ts'
import { allDetermined, determined } from './disclosure-exact.ts'
import { component, type Indexed, indexRelease, type ReleaseInput } from './disclosure-index.ts'

export { type StatisticConstraint, statisticConstraints } from './disclosure-constraints.ts'
export type { ReleaseInput } from './disclosure-index.ts'

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

/** A count that may not be published: 1 to threshold - 1 (zero is published). */
function isSmall(value: number, threshold: number): boolean {
  return value > 0 && value < threshold
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
