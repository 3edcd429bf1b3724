import { dimensionsOf, formatCellKey, type IndicatorDoc } from '@thbm/shared'

/** A small deterministic random generator, so the demo data is the same on every installation. */
export function randomFor(key: string): () => number {
  let h = 1779033703 ^ key.length
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 3432918353)
  let a = (h << 13) | (h >>> 19)
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Rough scale of identified victims per year, by country (the real figures are small, as in the region). */
const SCALE: Record<string, number> = { RS: 60, AL: 45, BA: 40, XK: 30, MK: 12, ME: 6 }

export interface DemoValue {
  choice: string | null
  number: number | null
  numerator: number | null
  denominator: number | null
  text: string | null
  cells: { key: string; value: number }[]
}

/** Splits a total over categories at random, so the parts always add up. */
function split(total: number, parts: number, rnd: () => number): number[] {
  const weights = Array.from({ length: parts }, () => rnd() + 0.2)
  const sum = weights.reduce((a, b) => a + b, 0)
  const out = weights.map((w) => Math.floor((w / sum) * total))
  out[0] = (out[0] ?? 0) + total - out.reduce((a, b) => a + b, 0)
  return out
}

/**
 * A plausible synthetic answer for one source in one year: rubric levels that improve slowly (NGOs rate lower than
 * institutions), counts on the country's scale with breakdowns that add up, percentages with both terms.
 */
export function demoValue(ind: IndicatorDoc, country: string, year: number, source: 'government' | 'ngo'): DemoValue {
  const rnd = randomFor(`${ind.code}/${country}/${year}/${source}`)
  const base = randomFor(`${ind.code}/${country}`)()
  const trend = (year - 2023) * 0.35
  const empty: DemoValue = { choice: null, number: null, numerator: null, denominator: null, text: null, cells: [] }
  const m = ind.measurement
  if (m.type === 'rubric') {
    const level = Math.round(Math.min(4, Math.max(0, base * 3 + trend + (source === 'ngo' ? -0.8 : 0) + rnd() * 0.6)))
    return { ...empty, choice: String(level) }
  }
  if (m.type === 'yes_partial_no') {
    const score = base * 2 + trend + (source === 'ngo' ? -0.7 : 0) + rnd() * 0.5
    return { ...empty, choice: score > 1.8 ? 'yes' : score > 0.8 ? 'partial' : 'no' }
  }
  if (m.type === 'percentage') {
    const denominator = 10 + Math.round(rnd() * 40)
    return { ...empty, numerator: Math.round(denominator * Math.min(1, 0.2 + base * 0.5 + trend * 0.1)), denominator }
  }
  if (m.type === 'amount') return { ...empty, number: Math.round((20_000 + base * 200_000) * (1 + trend * 0.1)) }
  if (m.type === 'text') return { ...empty, text: 'Demo data: an invented description for demonstration.' }
  const scale = Math.max(1, Math.round((SCALE[country] ?? 10) * (0.3 + base) * (1 + (rnd() - 0.4) * 0.3)))
  const dims = dimensionsOf(ind)
  if (!dims.has('victim_status')) {
    const cells = dims.has('sex')
      ? split(scale, 3, rnd).map((value, i) => ({ key: formatCellKey({ sex: dims.get('sex')?.[i] as string }), value }))
      : []
    return { ...empty, number: scale, cells }
  }
  const presumed = Math.round(scale * (1.2 + rnd()))
  const cells: { key: string; value: number }[] = []
  for (const [status, total] of [
    ['identified', scale],
    ['presumed', presumed],
  ] as const) {
    cells.push({ key: formatCellKey({ victim_status: status }), value: total })
    for (const dim of ['sex', 'age_group'] as const) {
      const categories = dims.get(dim)
      if (!categories) continue
      split(total, categories.length, rnd).forEach((value, i) => {
        cells.push({ key: formatCellKey({ [dim]: categories[i] as string, victim_status: status }), value })
      })
    }
  }
  return { ...empty, cells }
}
