import { describe, expect, it } from 'vitest'
import { agreementSummary, percentAgreement, type ScorePair, weightedKappa } from './scoring.ts'
import { convictions, rubric, ypn } from './test-fixtures/measurements.ts'

/** Expands a k x k table (rows: expert A's level, columns: expert B's) into pairs. */
const fromTable = (table: number[][]): ScorePair[] =>
  table.flatMap((row, i) => row.flatMap((count, j) => Array.from({ length: count }, (): ScorePair => [i, j])))

describe('inter-rater agreement', () => {
  it('computes quadratic-weighted kappa for a table worked by hand', () => {
    // Ten items scored 0-2 (k = 3) by two experts; rows A, columns B:
    //            B=0 B=1 B=2 | A total
    //      A=0     3   1   0 |   4
    //      A=1     1   2   1 |   4
    //      A=2     0   0   2 |   2
    //   B total    4   3   3 |  10
    // Weights w = 1 - d^2 / (k-1)^2 = 1 - d^2 / 4: d=0 -> 1, d=1 -> 0.75, d=2 -> 0.
    // Po = (7 on the diagonal x 1 + 3 one apart x 0.75 + 0 two apart x 0) / 10 = 9.25 / 10 = 0.925
    // Pe = sum w(i,j) pA(i) pB(j), with pA = (.4, .4, .2) and pB = (.4, .3, .3):
    //   i=0: .4 x (1 x .4 + .75 x .3 + 0 x .3)  = .4 x .625 = .25
    //   i=1: .4 x (.75 x .4 + 1 x .3 + .75 x .3) = .4 x .825 = .33
    //   i=2: .2 x (0 x .4 + .75 x .3 + 1 x .3)  = .2 x .525 = .105
    //   Pe = .685
    // kappa = (.925 - .685) / (1 - .685) = .24 / .315 = 16/21 = 0.7619
    const pairs = fromTable([
      [3, 1, 0],
      [1, 2, 1],
      [0, 0, 2],
    ])
    expect(weightedKappa(pairs, 3)).toBeCloseTo(0.7619, 4)
    expect(weightedKappa(pairs, 3)).toBeCloseTo(16 / 21, 10)
    // Exact agreement: 7 of 10 on the diagonal.
    expect(percentAgreement(pairs)).toBe(0.7)
  })

  it('matches published values (Maple EssayTools QuadraticWeightedKappa, scores 1-10)', () => {
    // Maple computes min and max from the data (1 and 10), so levels are shifted by 1 onto 0-9 (k = 10).
    // Example 1: Po = 236/243, Pe = 214/243, kappa = (22/243) / (29/243) = 22/29 = 0.758620689655172
    const a = [9, 7, 8, 7, 6, 8, 3, 5, 10]
    const shift = (b: number[]): ScorePair[] => a.map((x, i): ScorePair => [x - 1, (b[i] as number) - 1])
    expect(weightedKappa(shift([8, 8, 6, 6, 7, 6, 1, 4, 8]), 10)).toBeCloseTo(0.758620689655172, 12)
    // Example 2: 46/105 = 0.438095238095238
    expect(weightedKappa(shift([3, 5, 6, 6, 7, 6, 1, 4, 8]), 10)).toBeCloseTo(0.438095238095238, 12)
  })

  it('is 1 for perfect agreement, including when both experts always gave the same level', () => {
    expect(
      weightedKappa(
        [
          [0, 0],
          [2, 2],
          [4, 4],
          [1, 1],
        ],
        5,
      ),
    ).toBe(1)
    // Pe = 1 here, so the formula is 0/0; the experts agreed on everything.
    expect(
      weightedKappa(
        [
          [3, 3],
          [3, 3],
        ],
        5,
      ),
    ).toBe(1)
  })

  it('is negative for systematic disagreement', () => {
    // [0,2] and [2,0] on 0-2: Po = (0 + 0) / 2 = 0. pA = pB = (.5, 0, .5).
    // Pe = .25 x (w00 + w02 + w20 + w22) = .25 x (1 + 0 + 0 + 1) = .5. kappa = (0 - .5) / (1 - .5) = -1
    const swapped: ScorePair[] = [
      [0, 2],
      [2, 0],
    ]
    expect(weightedKappa(swapped, 3)).toBe(-1)
    // B reverses A on a rubric: (0,4) (1,3) (2,2) (3,1) (4,0). Po = (0 + .75 + 1 + .75 + 0) / 5 = .5
    // Pe = .75 (both experts use each level once), kappa = (.5 - .75) / .25 = -1
    const reversed = [0, 1, 2, 3, 4].map((i): ScorePair => [i, 4 - i])
    expect(weightedKappa(reversed, 5)).toBeCloseTo(-1, 12)
    // A is constant and B is constant at another level: Po = Pe, kappa = 0.
    expect(
      weightedKappa(
        [
          [1, 2],
          [1, 2],
        ],
        3,
      ),
    ).toBe(0)
  })

  it('has nothing to say about no pairs, and refuses invalid levels', () => {
    expect(weightedKappa([], 5)).toBeNull()
    expect(percentAgreement([])).toBeNull()
    expect(() => weightedKappa([[0, 5]], 5)).toThrow(RangeError)
    expect(() => weightedKappa([[0.5, 1]], 5)).toThrow(RangeError)
    expect(() => weightedKappa([[0, 0]], 1)).toThrow(RangeError)
  })

  it('summarises mixed scales on the rubric scale, yes/partial/no 0, 1, 2 becoming 0, 2, 4', () => {
    // Rubric (4,3) and (2,2); yes/partial/no (2,1) -> (4,2) and (0,0) -> (0,0). Exact agreement 2 of 4 = .5.
    // On 0-4, w = 1 - d^2 / 16. Po = (15/16 + 1 + 12/16 + 1) / 4 = 59/64 = .921875
    // Levels used: A 0 x1, 2 x1, 4 x2; B 0 x1, 2 x2, 3 x1. Sum of w(i,j) x countA(i) x countB(j):
    //   i=0: 1x1x1 + (12/16)x1x2 + (7/16)x1x1 = 47/16
    //   i=2: (12/16)x1x1 + 1x1x2 + (15/16)x1x1 = 59/16
    //   i=4: 0 + (12/16)x2x2 + (15/16)x2x1 = 78/16
    //   Pe = (184/16) / 16 = 46/64 = .71875
    // kappa = (59/64 - 46/64) / (1 - 46/64) = 13/18 = 0.7222
    const summary = agreementSummary([
      { a: 4, b: 3, measurement: rubric },
      { a: 2, b: 2, measurement: rubric },
      { a: 2, b: 1, measurement: ypn },
      { a: 0, b: 0, measurement: ypn },
    ])
    expect(summary.n).toBe(4)
    expect(summary.exactAgreement).toBe(0.5)
    expect(summary.kappa).toBeCloseTo(0.7222, 4)
  })

  it('gives the three-level kappa for yes/partial/no alone, and refuses unscored items', () => {
    const pairs = fromTable([
      [3, 1, 0],
      [1, 2, 1],
      [0, 0, 2],
    ])
    const summary = agreementSummary(pairs.map(([a, b]) => ({ a, b, measurement: ypn })))
    expect(summary.kappa).toBeCloseTo(16 / 21, 10)
    expect(summary.exactAgreement).toBe(0.7)
    expect(agreementSummary([])).toEqual({ n: 0, exactAgreement: null, kappa: null })
    expect(() => agreementSummary([{ a: 3, b: 3, measurement: convictions }])).toThrow(RangeError)
    expect(() => agreementSummary([{ a: 3, b: 1, measurement: ypn }])).toThrow(RangeError)
  })
})
