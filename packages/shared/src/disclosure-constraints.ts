/** The additive relations between the published figures of a release, for disclosure control (see `protectRelease`). */

import { formatCellKey, parseCellKey } from './answers.ts'
import type { StatisticCell } from './reports.ts'

/** One additive relation between published figures: the value of `total` equals the sum of the values of `parts`. */
export interface StatisticConstraint {
  total: string
  parts: string[]
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
