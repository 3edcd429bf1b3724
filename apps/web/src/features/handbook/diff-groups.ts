import type { DiffEntry, VersionDiff } from '@thbm/shared'

/** The order the diff is shown in: what moved first, then what went away, came in or changed. */
export const DIFF_GROUP_ORDER = ['renamed', 'merged', 'split', 'retired', 'added', 'changed'] as const
export type DiffChange = (typeof DIFF_GROUP_ORDER)[number]

export interface DiffGroup {
  change: DiffChange
  entries: DiffEntry[]
}

const firstCode = (e: DiffEntry) => e.from[0] ?? e.to[0] ?? ''

/** Compares indicator codes by area, then number (`IDN-2` before `IDN-10`). */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true })
}

/** The diff's entries grouped by kind of change, in display order, each sorted by code; empty groups left out. */
export function groupDiff(diff: Pick<VersionDiff, 'entries'>): DiffGroup[] {
  return DIFF_GROUP_ORDER.map((change) => ({
    change,
    entries: diff.entries.filter((e) => e.change === change).sort((a, b) => compareCodes(firstCode(a), firstCode(b))),
  })).filter((g) => g.entries.length > 0)
}

/** True when nothing differs: no indicator or area change. */
export function isEmptyDiff(diff: VersionDiff): boolean {
  const { added, removed, changed } = diff.areas
  return diff.entries.length === 0 && added.length + removed.length + changed.length === 0
}
