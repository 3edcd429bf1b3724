import { describe, expect, it } from 'vitest'
import {
  hasConsensus,
  median,
  quantile,
  quartiles,
  rankByMedians,
  ratingStats,
  stability,
  tallyProposals,
} from './delphi.ts'

describe('median and quartiles (type 7, as Excel QUARTILE.INC)', () => {
  it('[1,2,3,4]: median 2.5, Q1 1.75, Q3 3.25, IQR 1.5', () => {
    // h = 3 × 0.25 = 0.75 → 1 + 0.75 × (2 − 1); h = 3 × 0.75 = 2.25 → 3 + 0.25 × (4 − 3).
    expect(quartiles([1, 2, 3, 4])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25, iqr: 1.5 })
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('[3,3,4,4,5]: median 4, Q1 3, Q3 4, IQR 1', () => {
    // h = 4 × 0.25 = 1 → x[1] = 3; h = 4 × 0.75 = 3 → x[3] = 4.
    expect(quartiles([5, 3, 4, 3, 4])).toEqual({ q1: 3, median: 4, q3: 4, iqr: 1 })
  })

  it('a single value is its own median and quartiles', () => {
    expect(quartiles([4])).toEqual({ q1: 4, median: 4, q3: 4, iqr: 0 })
  })

  it('odd and even counts', () => {
    // Odd (7): h = 1.5 → 2 + 0.5 × (2 − 2) = 2; median x[3] = 3; h = 4.5 → 4 + 0.5 × (5 − 4) = 4.5.
    expect(quartiles([1, 2, 2, 3, 4, 5, 5])).toEqual({ q1: 2, median: 3, q3: 4.5, iqr: 2.5 })
    // Even (6): h = 1.25 → 2 + 0.25 × (3 − 2) = 2.25; median 3.5; h = 3.75 → 4 + 0.75 × (5 − 4) = 4.75.
    expect(quartiles([1, 2, 3, 4, 5, 5])).toEqual({ q1: 2.25, median: 3.5, q3: 4.75, iqr: 2.5 })
    // Two values: h = 0.25 → 2 + 0.25 × 2 = 2.5; h = 0.75 → 3.5.
    expect(quartiles([2, 4])).toEqual({ q1: 2.5, median: 3, q3: 3.5, iqr: 1 })
  })

  it('gives nothing for no values', () => {
    expect(median([])).toBeNull()
    expect(quartiles([])).toBeNull()
    expect(quantile([], 0.5)).toBeNull()
  })
})

describe('consensus', () => {
  it('holds when the IQR is at most the threshold (1 by default)', () => {
    expect(hasConsensus([3, 3, 4, 4, 5])).toBe(true)
    expect(hasConsensus([1, 2, 3, 4])).toBe(false)
    expect(hasConsensus([1, 2, 3, 4], 1.5)).toBe(true)
    expect(hasConsensus([2, 4])).toBe(true)
    expect(hasConsensus([2, 4], 0.5)).toBe(false)
  })

  it('needs two ratings', () => {
    expect(hasConsensus([5])).toBeNull()
    expect(hasConsensus([])).toBeNull()
  })
})

describe('rating statistics', () => {
  it('counts each value of the scale', () => {
    expect(ratingStats([3, 3, 4, 4, 5])).toEqual({
      n: 5,
      median: 4,
      q1: 3,
      q3: 4,
      iqr: 1,
      consensus: true,
      counts: [0, 0, 2, 2, 1],
    })
    expect(ratingStats([])).toEqual({
      n: 0,
      median: null,
      q1: null,
      q3: null,
      iqr: null,
      consensus: null,
      counts: [0, 0, 0, 0, 0],
    })
  })
})

describe('proposal tallies', () => {
  it('counts proposals and their targets, most proposed first', () => {
    expect(
      tallyProposals([
        { proposal: 'keep' },
        { proposal: 'merge', mergeInto: 'IDN-4' },
        { proposal: 'merge', mergeInto: 'IDN-2' },
        { proposal: 'merge', mergeInto: 'IDN-4' },
        { proposal: 'move', moveTo: 'data' },
        { proposal: null },
      ]),
    ).toEqual({
      keep: 1,
      merge: 3,
      drop: 0,
      reword: 0,
      move: 1,
      mergeTargets: [
        { code: 'IDN-4', n: 2 },
        { code: 'IDN-2', n: 1 },
      ],
      moveTargets: [{ topic: 'data', n: 1 }],
    })
  })
})

describe('stability between rounds', () => {
  it('is the share of those who rated twice and changed, and the change of the median', () => {
    const r1 = new Map([
      ['a', 2],
      ['b', 4],
      ['c', 5],
    ])
    const r2 = new Map([
      ['a', 3],
      ['b', 4],
      ['d', 4],
    ])
    // a changed, b did not; c and d rated once. Medians 4 → 4.
    expect(stability(r1, r2)).toEqual({ n: 2, changed: 1, changedShare: 0.5, medianChange: 0 })
    expect(stability(new Map([['a', 2]]), new Map([['a', 3]]))).toEqual({
      n: 1,
      changed: 1,
      changedShare: 1,
      medianChange: 1,
    })
    expect(stability(new Map(), new Map([['a', 3]]))).toEqual({
      n: 0,
      changed: 0,
      changedShare: null,
      medianChange: null,
    })
  })
})

describe('ranking', () => {
  it('orders by the first median, then the next, unrated last, then by code', () => {
    expect(
      rankByMedians([
        { code: 'IDN-10', medians: [4, 3] },
        { code: 'IDN-2', medians: [4, 3] },
        { code: 'AST-1', medians: [4, 5] },
        { code: 'COR-1', medians: [5, 1] },
        { code: 'RES-1', medians: [null, 5] },
      ]),
    ).toEqual(['COR-1', 'AST-1', 'IDN-2', 'IDN-10', 'RES-1'])
  })
})
