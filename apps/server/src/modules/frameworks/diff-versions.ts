import type { DiffEntry, IndicatorDoc, VersionDiff } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { changedFields } from './framework-rows.ts'
import { type LoadedVersion, loadVersion } from './frameworks.queries.ts'

/**
 * Classifies the change between two versions given, for each indicator of the newer one, the codes of the older
 * one it continues (through lineage). Pure: the unit of the diff rules.
 */
export function classifyDiff(
  older: IndicatorDoc[],
  newer: IndicatorDoc[],
  ancestry: Map<string, string[]>,
): { entries: DiffEntry[]; unchanged: number } {
  const entries: DiffEntry[] = []
  let unchanged = 0
  const descendants = new Map<string, string[]>()
  for (const ind of newer)
    for (const a of ancestry.get(ind.code) ?? []) descendants.set(a, [...(descendants.get(a) ?? []), ind.code])
  const olderByCode = new Map(older.map((i) => [i.code, i]))
  const splitSources = new Set<string>()
  for (const [source, codes] of descendants) {
    if (codes.length > 1) {
      splitSources.add(source)
      entries.push({ change: 'split', from: [source], to: codes, fields: [] })
    }
  }
  for (const ind of newer) {
    const from = ancestry.get(ind.code) ?? []
    if (from.length === 0) entries.push({ change: 'added', from: [], to: [ind.code], fields: [] })
    else if (from.length > 1) entries.push({ change: 'merged', from, to: [ind.code], fields: [] })
    else if (!splitSources.has(from[0] as string)) {
      const old = olderByCode.get(from[0] as string) as IndicatorDoc
      const fields = changedFields(old, ind)
      if (old.code !== ind.code) entries.push({ change: 'renamed', from, to: [ind.code], fields })
      else if (fields.length) entries.push({ change: 'changed', from, to: [ind.code], fields })
      else unchanged++
    }
  }
  for (const old of older)
    if (!descendants.has(old.code)) entries.push({ change: 'retired', from: [old.code], to: [], fields: [] })
  return { entries, unchanged }
}

/** The chain of versions from `to` back to `from` through basedOn, or null when `from` is not an ancestor. */
async function chainBetween(
  db: Database | Trx,
  from: LoadedVersion,
  to: LoadedVersion,
): Promise<LoadedVersion[] | null> {
  const chain = [to]
  let current = to
  while (current.row.basedOnId) {
    if (current.row.basedOnId === from.row.id) return chain.reverse()
    current = await loadVersion(db, current.row.basedOnId)
    chain.push(current)
  }
  return null
}

/** For each indicator of the newest version in the chain, the codes of `from` it continues. */
function ancestryThrough(from: LoadedVersion, chain: LoadedVersion[]): Map<string, string[]> {
  let map = new Map(from.indicators.map((i) => [i.code, [i.code]]))
  for (const v of chain) {
    const next = new Map<string, string[]>()
    for (const ind of v.indicators) next.set(ind.code, [...new Set(ind.lineage.from.flatMap((c) => map.get(c) ?? []))])
    map = next
  }
  return map
}

/** The diff between any two versions: through lineage when one descends from the other, otherwise by code. */
export async function diffVersions(db: Database | Trx, fromId: string, toId: string): Promise<VersionDiff> {
  let from = await loadVersion(db, fromId)
  let to = await loadVersion(db, toId)
  let chain = await chainBetween(db, from, to)
  if (!chain) {
    const reversed = await chainBetween(db, to, from)
    if (reversed) {
      ;[from, to] = [to, from]
      chain = reversed
    }
  }
  const ancestry = chain
    ? ancestryThrough(from, chain)
    : new Map(to.indicators.map((i) => [i.code, from.indicators.some((o) => o.code === i.code) ? [i.code] : []]))
  const { entries, unchanged } = classifyDiff(from.indicators, to.indicators, ancestry)
  const fromAreas = new Map(from.areas.map((a) => [a.code, a]))
  const toAreas = new Map(to.areas.map((a) => [a.code, a]))
  return {
    from: { id: from.row.id, label: from.row.label },
    to: { id: to.row.id, label: to.row.label },
    entries,
    unchanged,
    areas: {
      added: [...toAreas.keys()].filter((c) => !fromAreas.has(c)),
      removed: [...fromAreas.keys()].filter((c) => !toAreas.has(c)),
      changed: [...toAreas.values()]
        .filter((a) => {
          const old = fromAreas.get(a.code)
          return (
            old &&
            (JSON.stringify(old.title) !== JSON.stringify(a.title) ||
              JSON.stringify(old.description) !== JSON.stringify(a.description))
          )
        })
        .map((a) => a.code),
    },
  }
}

/** The codes an indicator of `toId` continues in the earlier version `fromId` (through lineage; by code if unrelated). */
export async function codesInEarlierVersion(
  db: Database | Trx,
  fromId: string,
  toId: string,
  code: string,
): Promise<string[]> {
  if (fromId === toId) return [code]
  const from = await loadVersion(db, fromId)
  const to = await loadVersion(db, toId)
  const chain = await chainBetween(db, from, to)
  if (chain) return ancestryThrough(from, chain).get(code) ?? []
  return from.indicators.some((i) => i.code === code) ? [code] : []
}
