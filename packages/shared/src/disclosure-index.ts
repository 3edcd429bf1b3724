/** A release of disclosure control (see `protectRelease`) as indices, and its connected suppressed cells. */

import type { StatisticConstraint } from './disclosure-constraints.ts'

/** The cells of a release with their counts, the relations between them, and the threshold of `protectRelease`. */
export interface ReleaseInput {
  cells: { id: string; value: number }[]
  constraints: StatisticConstraint[]
  threshold?: number
}

/** The release as indices: terms of every relation (cell index and coefficient), and relations per cell. */
export interface Indexed {
  ids: string[]
  values: number[]
  rows: { total: number; parts: number[]; terms: Map<number, number> }[]
  rowsOf: number[][]
}

export function indexRelease(input: ReleaseInput): Indexed {
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
export function component(ix: Indexed, hidden: boolean[], start: number): { cells: number[]; rows: number[] } {
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
