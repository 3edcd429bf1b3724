/**
 * Statistics of a Delphi-style indicator review: the distribution of 1-5 ratings, consensus, proposal tallies,
 * stability between rounds and the ranking of indicators. Pure functions, shared by the server and the web app.
 */

export const RATING_VALUES = [1, 2, 3, 4, 5] as const
/** Consensus holds when the interquartile range is at most this (on the 1-5 scale), unless a review sets another. */
export const DEFAULT_CONSENSUS_IQR = 1

/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, by linear interpolation between the closest ranks: the
 * "type 7" method of Hyndman and Fan, the default of R and NumPy and the same as Excel's QUARTILE.INC. With h = (n − 1)·p,
 * it is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) (zero-based). Null for no values.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const below = sorted[lo] as number
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number
  return below + (h - lo) * (above - below)
}

const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b)

/** The median (the middle value, or the mean of the two middle values); null for no values. */
export function median(values: readonly number[]): number | null {
  return quantile(ascending(values), 0.5)
}

export interface Quartiles {
  q1: number
  median: number
  q3: number
  /** Q3 − Q1. */
  iqr: number
}

/** First quartile, median, third quartile and interquartile range (type 7, as in quantile()); null for no values. */
export function quartiles(values: readonly number[]): Quartiles | null {
  const sorted = ascending(values)
  if (sorted.length === 0) return null
  const q1 = quantile(sorted, 0.25) as number
  const q3 = quantile(sorted, 0.75) as number
  return { q1, median: quantile(sorted, 0.5) as number, q3, iqr: q3 - q1 }
}

/**
 * Consensus: the interquartile range is at most the threshold. Needs at least two ratings (one person agrees with
 * nobody): null otherwise. Quartiles of integer ratings are multiples of 0.25, so the comparison is exact.
 */
export function hasConsensus(values: readonly number[], threshold = DEFAULT_CONSENSUS_IQR): boolean | null {
  if (values.length < 2) return null
  return (quartiles(values) as Quartiles).iqr <= threshold
}

export interface RatingStats {
  /** How many ratings. */
  n: number
  median: number | null
  q1: number | null
  q3: number | null
  iqr: number | null
  consensus: boolean | null
  /** How many ratings of 1, 2, 3, 4 and 5 (index 0 is the count of 1s). */
  counts: number[]
}

/** The distribution of one criterion's ratings of one indicator. */
export function ratingStats(values: readonly number[], threshold = DEFAULT_CONSENSUS_IQR): RatingStats {
  const q = quartiles(values)
  return {
    n: values.length,
    median: q?.median ?? null,
    q1: q?.q1 ?? null,
    q3: q?.q3 ?? null,
    iqr: q?.iqr ?? null,
    consensus: hasConsensus(values, threshold),
    counts: RATING_VALUES.map((v) => values.filter((x) => x === v).length),
  }
}

export interface ProposalInput {
  proposal: string | null
  mergeInto?: string | null
  moveTo?: string | null
}

export interface ProposalTally {
  keep: number
  merge: number
  drop: number
  reword: number
  move: number
  /** Indicators proposed as merge targets, most proposed first. */
  mergeTargets: { code: string; n: number }[]
  /** Thematic modules proposed as destinations, most proposed first. */
  moveTargets: { topic: string; n: number }[]
}

function countBy(values: string[]): { key: string; n: number }[] {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key))
}

/** Counts the proposals made for one indicator (responses without a proposal are not counted). */
export function tallyProposals(inputs: readonly ProposalInput[]): ProposalTally {
  const of = (p: string) => inputs.filter((i) => i.proposal === p)
  return {
    keep: of('keep').length,
    merge: of('merge').length,
    drop: of('drop').length,
    reword: of('reword').length,
    move: of('move').length,
    mergeTargets: countBy(of('merge').flatMap((i) => (i.mergeInto ? [i.mergeInto] : []))).map(({ key, n }) => ({
      code: key,
      n,
    })),
    moveTargets: countBy(of('move').flatMap((i) => (i.moveTo ? [i.moveTo] : []))).map(({ key, n }) => ({
      topic: key,
      n,
    })),
  }
}

export interface Stability {
  /** Participants who rated in both rounds. */
  n: number
  /** How many of them changed their rating. */
  changed: number
  /** changed / n; null when nobody rated in both rounds. */
  changedShare: number | null
  /** Median of the later round minus median of the earlier one (everyone who rated in each); null if either is empty. */
  medianChange: number | null
}

/** How ratings moved between two rounds, given each participant's rating (keyed by participant) in each. */
export function stability(earlier: ReadonlyMap<string, number>, later: ReadonlyMap<string, number>): Stability {
  let n = 0
  let changed = 0
  for (const [who, value] of later) {
    const before = earlier.get(who)
    if (before === undefined) continue
    n++
    if (before !== value) changed++
  }
  const before = median([...earlier.values()])
  const after = median([...later.values()])
  return {
    n,
    changed,
    changedShare: n === 0 ? null : changed / n,
    medianChange: before === null || after === null ? null : after - before,
  }
}

/**
 * Orders indicators by their medians, criterion by criterion (the first criterion decides, the next breaks ties, …),
 * highest first; an indicator without ratings on a criterion comes after those with; then by code.
 */
export function rankByMedians(items: readonly { code: string; medians: readonly (number | null)[] }[]): string[] {
  return [...items]
    .sort((a, b) => {
      for (let i = 0; i < Math.max(a.medians.length, b.medians.length); i++) {
        const x = a.medians[i] ?? null
        const y = b.medians[i] ?? null
        if (x === y) continue
        if (x === null) return 1
        if (y === null) return -1
        return y - x
      }
      return a.code.localeCompare(b.code, 'en', { numeric: true })
    })
    .map((i) => i.code)
}
