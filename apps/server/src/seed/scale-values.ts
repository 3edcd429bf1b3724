import { formatCellKey, type IndicatorDoc, normaliseScore, rawScoreOf, STANDARD_DIMENSIONS } from '@thbm/shared'
import { type ScaleKind, scaleKindOf } from './scale-framework.ts'

/** A fast deterministic generator (mulberry32): the same installation for the same N on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Ids shaped like UUIDv7 (one random prefix per run, then a counter): unique, ordered, and cheap by the million. */
export function idSequence(prefix: string): () => string {
  let n = 0
  const head = prefix.slice(0, 24)
  return () => head + (n++).toString(16).padStart(12, '0')
}

export interface ScaleValue {
  choice: string | null
  number: number | null
  numerator: number | null
  denominator: number | null
  text: string | null
  cells: [key: string, value: number][]
}

/** Breakdowns of the synthetic person counts: each dimension is split on its own (crossed with victim status). */
const BREAKDOWNS = ['sex', 'age_group', 'citizenship', 'exploitation_form'] as const

/** An indicator with what the generator needs precomputed: its kind and its cell keys. */
export interface ScaleIndicator {
  doc: IndicatorDoc
  kind: ScaleKind
  /** Per victim status, its key and one key list per breakdown dimension (`persons`). */
  status: { status: string; total: string; dims: string[][] }[]
  /** One key list per breakdown dimension (`persons_by_sex`: sex and citizenship). */
  dims: string[][]
}

export function scaleIndicators(docs: IndicatorDoc[]): ScaleIndicator[] {
  const keysOf = (dim: (typeof BREAKDOWNS)[number], status?: string) =>
    STANDARD_DIMENSIONS[dim].map((c) => formatCellKey(status ? { [dim]: c, victim_status: status } : { [dim]: c }))
  const status = STANDARD_DIMENSIONS.victim_status.map((st) => ({
    status: st,
    total: formatCellKey({ victim_status: st }),
    dims: BREAKDOWNS.map((d) => keysOf(d, st)),
  }))
  const dims = [keysOf('sex'), keysOf('citizenship')]
  return docs.map((doc, i) => ({ doc, kind: scaleKindOf(i), status, dims }))
}

/** Splits a total over `parts` categories at random, so the parts add up to it. */
function split(total: number, parts: number, rnd: () => number): number[] {
  const weights = Array.from({ length: parts }, () => rnd() + 0.2)
  const sum = weights.reduce((a, b) => a + b, 0)
  const out = weights.map((w) => Math.floor((w / sum) * total))
  out[0] = (out[0] ?? 0) + total - out.reduce((a, b) => a + b, 0)
  return out
}

const EMPTY: ScaleValue = { choice: null, number: null, numerator: null, denominator: null, text: null, cells: [] }
const YPN = ['no', 'partial', 'yes'] as const

/** A plausible value of one source: `level` (0-1) moves the country over the years; NGOs rate a bit lower. */
export function scaleValue(ind: ScaleIndicator, level: number, ngo: boolean, rnd: () => number): ScaleValue {
  const l = Math.min(1, Math.max(0, level + (ngo ? -0.15 : 0) + (rnd() - 0.5) * 0.2))
  switch (ind.kind) {
    case 'rubric':
      return { ...EMPTY, choice: String(Math.round(l * 4)) }
    case 'ypn':
      return { ...EMPTY, choice: YPN[Math.round(l * 2)] ?? 'no' }
    case 'percentage': {
      const denominator = 10 + Math.floor(rnd() * 90)
      return { ...EMPTY, numerator: Math.round(denominator * l), denominator }
    }
    case 'amount':
      return { ...EMPTY, number: Math.round(10_000 + l * 500_000) }
    case 'text':
      return { ...EMPTY, text: 'Synthetic answer text for benchmarking.' }
    case 'persons_by_sex': {
      const total = 5 + Math.floor(rnd() * 120)
      return { ...EMPTY, number: total, cells: ind.dims.flatMap((keys) => parts(keys, total, rnd)) }
    }
    case 'persons': {
      const cells: [string, number][] = []
      for (const st of ind.status) {
        const total = 3 + Math.floor(rnd() * (st.status === 'identified' ? 80 : 160))
        cells.push([st.total, total])
        for (const keys of st.dims) cells.push(...parts(keys, total, rnd))
      }
      return { ...EMPTY, cells }
    }
  }
}

/** A total split over the keys of one dimension. */
const parts = (keys: string[], total: number, rnd: () => number): [string, number][] =>
  split(total, keys.length, rnd).map((v, i) => [keys[i] as string, v])

/** The expert's score of a consolidated value, raw and on 0-100 (null when the indicator is not scored). */
export function scaleScore(ind: ScaleIndicator, v: ScaleValue): { score: number | null; normalised: number | null } {
  const score = ind.kind === 'rubric' ? Number(v.choice) : ind.kind === 'ypn' ? YPN.indexOf(v.choice as 'no') : null
  const raw = rawScoreOf(ind.doc, { noData: false, score, value: v })
  return { score, normalised: raw === null ? null : normaliseScore(ind.doc.measurement, raw) }
}
