/** The exact test of disclosure control (see `protectRelease`): suppressed cells the relations determine exactly. */

import { component, type Indexed } from './disclosure-index.ts'

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
export function determined(ix: Indexed, cells: number[], rowIds: number[]): number[] {
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
export function allDetermined(ix: Indexed, hidden: boolean[]): Set<number> {
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
