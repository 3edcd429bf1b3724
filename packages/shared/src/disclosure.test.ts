import { describe, expect, it } from 'vitest'
import { type DisclosureStatus, derivableCells, intervalDisclosedCells, protectRelease } from './disclosure.ts'

const cellsOf = (values: Record<string, number>) => Object.entries(values).map(([id, value]) => ({ id, value }))
const hiddenIds = (status: Map<string, DisclosureStatus>, kind?: DisclosureStatus) =>
  [...status].filter(([, s]) => (kind ? s === kind : s !== 'shown')).map(([id]) => id)

describe('protectRelease: hand-worked tables', () => {
  it('withholds a second cell of a one-dimensional table with one small cell', () => {
    const cells = cellsOf({ t: 30, a: 2, b: 9, c: 19 })
    const constraints = [{ total: 't', parts: ['a', 'b', 'c'] }]
    const status = protectRelease({ cells, constraints, threshold: 5 })
    expect(Object.fromEntries(status)).toEqual({ t: 'shown', a: 'primary', b: 'secondary', c: 'shown' })
    expect(derivableCells({ cells, constraints }, status)).toEqual([])
  })

  it('withholds a rectangle of a 2x2 table with margins when one cell is small', () => {
    // a b | r1
    // c d | r2
    // ----+---
    // k1 k2 | t
    const cells = cellsOf({ a: 2, b: 10, c: 7, d: 12, r1: 12, r2: 19, k1: 9, k2: 22, t: 31 })
    const constraints = [
      { total: 'r1', parts: ['a', 'b'] },
      { total: 'r2', parts: ['c', 'd'] },
      { total: 'k1', parts: ['a', 'c'] },
      { total: 'k2', parts: ['b', 'd'] },
      { total: 't', parts: ['r1', 'r2'] },
      { total: 't', parts: ['k1', 'k2'] },
    ]
    const status = protectRelease({ cells, constraints })
    expect(hiddenIds(status, 'primary')).toEqual(['a'])
    expect(hiddenIds(status).sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(derivableCells({ cells, constraints }, status)).toEqual([])
  })

  it('never treats a zero as a primary suppression, and prefers a non-zero complement', () => {
    const cells = cellsOf({ t: 14, a: 0, b: 3, c: 0, d: 11 })
    const constraints = [{ total: 't', parts: ['a', 'b', 'c', 'd'] }]
    const status = protectRelease({ cells, constraints })
    expect(Object.fromEntries(status)).toEqual({ t: 'shown', a: 'shown', b: 'primary', c: 'shown', d: 'secondary' })
  })

  it('withholds a zero when it is the only other part, and the total only as the last resort', () => {
    const zero = protectRelease({
      cells: cellsOf({ t: 8, a: 8, b: 0 }),
      constraints: [{ total: 't', parts: ['a', 'b'] }],
    })
    expect(Object.fromEntries(zero)).toEqual({ t: 'shown', a: 'shown', b: 'shown' })
    const small = protectRelease({
      cells: cellsOf({ t: 7, a: 3, b: 0, c: 4 }),
      constraints: [{ total: 't', parts: ['a', 'b', 'c'] }],
    })
    expect(Object.fromEntries(small)).toEqual({ t: 'shown', a: 'primary', b: 'shown', c: 'primary' })
    const onlyTotal = protectRelease({ cells: cellsOf({ t: 9, a: 2 }), constraints: [{ total: 't', parts: ['a'] }] })
    expect(Object.fromEntries(onlyTotal)).toEqual({ t: 'secondary', a: 'primary' })
    const withZero = protectRelease({
      cells: cellsOf({ t: 9, a: 2, z: 0, big: 7 }),
      constraints: [{ total: 't', parts: ['a', 'z', 'big'] }],
    })
    expect(withZero.get('big')).toBe('secondary')
    expect(withZero.get('z')).toBe('shown')
  })

  it('suppresses a small total once, consistently in every table that shows it', () => {
    const cells = cellsOf({ t: 3, a: 3, b: 0, c: 1, d: 2, e: 0 })
    const constraints = [
      { total: 't', parts: ['a', 'b'] },
      { total: 't', parts: ['c', 'd', 'e'] },
    ]
    const status = protectRelease({ cells, constraints })
    expect(status.size).toBe(6)
    expect(Object.fromEntries(status)).toEqual({
      t: 'primary',
      a: 'primary',
      b: 'shown',
      c: 'primary',
      d: 'primary',
      e: 'shown',
    })
    expect(derivableCells({ cells, constraints }, status)).toEqual([])
  })

  it('protects a shared total that becomes derivable through a second table', () => {
    // t = a + b (a small); t = c + d with everything shown would give t away once t is withheld.
    const cells = cellsOf({ t: 20, a: 2, b: 18, c: 12, d: 8 })
    const constraints = [
      { total: 't', parts: ['a', 'b'] },
      { total: 't', parts: ['c', 'd'] },
    ]
    const status = protectRelease({ cells, constraints })
    expect(hiddenIds(status).sort()).toEqual(['a', 'b'])
    // A release where the second table must give way too.
    const tight = cellsOf({ t: 6, a: 2, b: 4, c: 1, d: 5 })
    const tightStatus = protectRelease({ cells: tight, constraints })
    expect(hiddenIds(tightStatus, 'primary').sort()).toEqual(['a', 'b', 'c'])
    expect(derivableCells({ cells: tight, constraints }, tightStatus)).toEqual([])
  })

  it('takes the threshold from the input', () => {
    const cells = cellsOf({ t: 40, a: 3, b: 2, c: 35 })
    const constraints = [{ total: 't', parts: ['a', 'b', 'c'] }]
    const at3 = protectRelease({ cells, constraints, threshold: 3 })
    expect(Object.fromEntries(at3)).toEqual({ t: 'shown', a: 'secondary', b: 'primary', c: 'shown' })
    const at5 = protectRelease({ cells, constraints })
    expect(hiddenIds(at5, 'primary').sort()).toEqual(['a', 'b'])
    expect(hiddenIds(at5, 'secondary')).toEqual([])
  })

  it('stops at a value the relations fix on their own, whatever is shown', () => {
    // Partial tables read as complete: t = x and t = x + y force y = 0, so no suppression can hide y.
    const cells = cellsOf({ t: 5, x: 3, y: 2 })
    const constraints = [
      { total: 't', parts: ['x'] },
      { total: 't', parts: ['x', 'y'] },
    ]
    const status = protectRelease({ cells, constraints })
    expect(Object.fromEntries(status)).toEqual({ t: 'secondary', x: 'primary', y: 'primary' })
    expect(derivableCells({ cells, constraints }, status)).toEqual(['y'])
  })

  it('is deterministic', () => {
    const cells = cellsOf({ t: 30, a: 2, b: 7, c: 7, d: 14 })
    const constraints = [{ total: 't', parts: ['a', 'b', 'c', 'd'] }]
    const first = protectRelease({ cells, constraints })
    expect(protectRelease({ cells, constraints })).toEqual(first)
    expect(first.get('b')).toBe('secondary')
    expect(first.get('c')).toBe('shown')
  })
})

describe('protectRelease: ranges of "<5" and of counts', () => {
  const one = (values: Record<string, number>) => {
    const cells = cellsOf(values)
    const constraints = [{ total: 't', parts: Object.keys(values).filter((id) => id !== 't') }]
    return { cells, constraints, status: protectRelease({ cells, constraints }) }
  }

  it('withholds a total of 8 over identified "<5" and presumed "<5", which pins both to 4', () => {
    const { cells, constraints, status } = one({ t: 8, identified: 4, presumed: 4 })
    const naive = new Map<string, DisclosureStatus>([
      ['t', 'shown'],
      ['identified', 'primary'],
      ['presumed', 'primary'],
    ])
    expect(derivableCells({ cells, constraints }, naive)).toEqual([])
    expect(intervalDisclosedCells({ cells, constraints }, naive)).toEqual(['identified', 'presumed'])
    expect(Object.fromEntries(status)).toEqual({ t: 'secondary', identified: 'primary', presumed: 'primary' })
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual([])
  })

  it('withholds a part when the remainder of 2 over two "<5" parts pins both to 1', () => {
    const { cells, constraints, status } = one({ t: 12, a: 1, b: 1, c: 10 })
    expect(Object.fromEntries(status)).toEqual({ t: 'shown', a: 'primary', b: 'primary', c: 'secondary' })
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual([])
    expect(derivableCells({ cells, constraints }, status)).toEqual([])
  })

  it('withholds a part when the remainder can be split over the "<5" parts one way only', () => {
    // 30 - 18 = 12 over three "<5" parts: each is 4. A zero part does not help, so the 18 is withheld.
    const { cells, constraints, status } = one({ t: 30, a: 4, b: 4, c: 4, z: 0, d: 18 })
    expect(Object.fromEntries(status)).toEqual({
      t: 'shown',
      a: 'primary',
      b: 'primary',
      c: 'primary',
      z: 'shown',
      d: 'secondary',
    })
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual([])
    // A remainder of 3 over three "<5" parts pins each to 1.
    const low = one({ t: 23, a: 1, b: 1, c: 1, d: 20 })
    expect(low.status.get('d')).toBe('secondary')
    expect(intervalDisclosedCells(low, low.status)).toEqual([])
  })

  it('follows a withheld total into the other table that shows it', () => {
    // The total of 8 is withheld to protect the statuses; the sex breakdown (8 and 0) would give it back.
    const cells = cellsOf({ t: 8, identified: 4, presumed: 4, female: 8, male: 0 })
    const constraints = [
      { total: 't', parts: ['identified', 'presumed'] },
      { total: 't', parts: ['female', 'male'] },
    ]
    const status = protectRelease({ cells, constraints })
    expect(Object.fromEntries(status)).toEqual({
      t: 'secondary',
      identified: 'primary',
      presumed: 'primary',
      female: 'secondary',
      male: 'shown',
    })
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual([])
    expect(derivableCells({ cells, constraints }, status)).toEqual([])
  })

  it('stops at "<5" parts that pin a "<5" total whatever is withheld', () => {
    // Four parts of at least 1 under a total of at most 4: every one is known, and withholding the zero changes nothing.
    const { cells, constraints, status } = one({ t: 4, a: 1, b: 1, c: 1, d: 1, z: 0 })
    expect(hiddenIds(status, 'secondary')).toEqual([])
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual(['a', 'b', 'c', 'd', 't'])
  })

  it('reads a secondary suppression as any count of at least 0', () => {
    const cells = cellsOf({ t: 9, a: 2, b: 7 })
    const constraints = [{ total: 't', parts: ['a', 'b'] }]
    const status = new Map<string, DisclosureStatus>([
      ['t', 'shown'],
      ['a', 'primary'],
      ['b', 'secondary'],
    ])
    expect(intervalDisclosedCells({ cells, constraints }, status)).toEqual([])
    // With a total of 4, b is at most 3 and a at least 1; a total of 1 pins both (a = 1, b = 0).
    expect(intervalDisclosedCells({ cells: cellsOf({ t: 1, a: 1, b: 0 }), constraints }, status)).toEqual(['a', 'b'])
  })
})
