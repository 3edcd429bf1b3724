import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Measurement } from './framework.ts'
import {
  type AreaScoreItem,
  agreementSummary,
  areaScore,
  FOLLOW_UP_STATUSES,
  type FollowUpStatus,
  implementationRate,
  isScored,
  isWorstLevel,
  normaliseScore,
  percentAgreement,
  type ScorePair,
  scaleOf,
  validateScore,
  weightedKappa,
} from './scoring.ts'

const rubric: Measurement = { type: 'rubric', levels: [{}, {}, {}, {}, {}] }
const ypn: Measurement = { type: 'yes_partial_no', descriptors: { yes: {}, partial: {}, no: {} } }
const amount: Measurement = { type: 'amount', currency: 'EUR' }
const text: Measurement = { type: 'text' }
/** Convictions per year: none scores 0, 1 to 9 scores 50, 10 or more scores 100. */
const convictions: Measurement = {
  type: 'count',
  targetBands: [
    { from: 0, to: 1, score: 0 },
    { from: 1, to: 10, score: 50 },
    { from: 10, to: 1_000_000, score: 100 },
  ],
}
/** Share of identified victims who received assistance. */
const assisted: Measurement = {
  type: 'percentage',
  targetBands: [
    { from: 0, to: 50, score: 0 },
    { from: 50, to: 80, score: 60 },
    { from: 80, to: 100, score: 100 },
  ],
}

const item = (code: string, measurement: Measurement, raw: number | null, weight = 1, redFlag = false) =>
  ({ code, measurement, raw, weight, redFlag }) satisfies AreaScoreItem

/** Expands a k x k table (rows: expert A's level, columns: expert B's) into pairs. */
const fromTable = (table: number[][]): ScorePair[] =>
  table.flatMap((row, i) => row.flatMap((count, j) => Array.from({ length: count }, (): ScorePair => [i, j])))

describe('scales', () => {
  it('scores rubrics on 0-4, yes/partial/no on 0-2, counts and percentages only with target bands', () => {
    expect(scaleOf(rubric)).toEqual({ kind: 'levels', min: 0, max: 4 })
    expect(scaleOf(ypn)).toEqual({ kind: 'levels', min: 0, max: 2 })
    expect(scaleOf(convictions)).toEqual({ kind: 'bands' })
    expect(scaleOf(assisted)).toEqual({ kind: 'bands' })
    expect(scaleOf({ type: 'count' })).toBeNull()
    expect(scaleOf({ type: 'count', targetBands: [] })).toBeNull()
    expect(scaleOf({ type: 'percentage' })).toBeNull()
    expect(scaleOf(amount)).toBeNull()
    expect(scaleOf(text)).toBeNull()
    expect([rubric, ypn, convictions, amount, text].map(isScored)).toEqual([true, true, true, false, false])
  })

  it('places levels proportionally on 0-100', () => {
    // Rubric: level / 4 x 100. Yes/partial/no: level / 2 x 100.
    expect([0, 1, 2, 3, 4].map((l) => normaliseScore(rubric, l))).toEqual([0, 25, 50, 75, 100])
    expect([0, 1, 2].map((l) => normaliseScore(ypn, l))).toEqual([0, 50, 100])
  })

  it('scores a banded value by the band [from, to) it falls in, and gives no score outside every band', () => {
    expect([0, 1, 9, 10, 250].map((v) => normaliseScore(convictions, v))).toEqual([0, 50, 50, 100, 100])
    expect([49.9, 50, 79.99, 80].map((v) => normaliseScore(assisted, v))).toEqual([0, 60, 60, 100])
    // `to` is excluded, so 100 % falls outside a last band ending at 100.
    expect(normaliseScore(assisted, 100)).toBeNull()
    // The first band that holds the value wins when bands overlap.
    const overlapping: Measurement = {
      type: 'count',
      targetBands: [
        { from: 0, to: 5, score: 10 },
        { from: 3, to: 8, score: 90 },
      ],
    }
    expect([4, 6, 8].map((v) => normaliseScore(overlapping, v))).toEqual([10, 90, null])
  })

  it('gives no score to indicators that are not scored', () => {
    expect(normaliseScore(amount, 1000)).toBeNull()
    expect(normaliseScore({ type: 'count' }, 3)).toBeNull()
  })

  it('explains invalid scores in English and refuses to normalise them', () => {
    expect(validateScore(rubric, 4)).toBeNull()
    expect(validateScore(rubric, 5)).toBe('The score must be a whole number from 0 to 4')
    expect(validateScore(rubric, 2.5)).toBe('The score must be a whole number from 0 to 4')
    expect(validateScore(rubric, Number.NaN)).toBe('The score must be a whole number from 0 to 4')
    expect(validateScore(ypn, -1)).toBe('The score must be a whole number from 0 to 2')
    expect(validateScore(ypn, 3)).toBe('The score must be a whole number from 0 to 2')
    expect(validateScore(assisted, 100)).toBeNull()
    expect(validateScore(assisted, 100.5)).toBe('The percentage must be a number from 0 to 100')
    expect(validateScore(convictions, -1)).toBe('The count must be a whole number of 0 or more')
    expect(validateScore(convictions, 1.5)).toBe('The count must be a whole number of 0 or more')
    expect(validateScore(amount, 10)).toBe('This indicator is not scored')
    expect(() => normaliseScore(rubric, 5)).toThrow(RangeError)
    expect(() => normaliseScore(ypn, 0.5)).toThrow('The score must be a whole number from 0 to 2')
    expect(() => normaliseScore(assisted, -3)).toThrow(RangeError)
  })

  it('knows the worst level of a level scale only', () => {
    expect(isWorstLevel(rubric, 0)).toBe(true)
    expect(isWorstLevel(rubric, 1)).toBe(false)
    expect(isWorstLevel(ypn, 0)).toBe(true)
    expect(isWorstLevel(ypn, 2)).toBe(false)
    expect(isWorstLevel(convictions, 0)).toBe(false)
    expect(isWorstLevel(amount, 0)).toBe(false)
  })
})

describe('area score', () => {
  it('is the weighted mean of the indicators with data', () => {
    // IDN-1 rubric level 4, weight 2 -> 100
    // IDN-2 rubric level 2, weight 1 -> 50
    // IDN-3 yes/partial/no, no data -> left out (not counted as 0)
    // IDN-4 amount -> never scored
    // (2 x 100 + 1 x 50) / (2 + 1) = 250 / 3 = 83.33... -> 83.3
    const result = areaScore([
      item('IDN-1', rubric, 4, 2),
      item('IDN-2', rubric, 2, 1),
      item('IDN-3', ypn, null, 1),
      item('IDN-4', amount, 50_000, 1),
    ])
    expect(result).toEqual({
      score: 83.3,
      uncappedScore: 83.3,
      scoredCount: 2,
      excludedCount: 1,
      notScoredCount: 1,
      cappedBy: [],
    })
  })

  it('caps the score when a red-flag indicator is at its worst level', () => {
    // A-1 rubric 4, weight 2 -> 100
    // A-2 yes/partial/no "no" (0), weight 1, red flag -> 0
    // A-3 rubric 3, weight 1 -> 75
    // (2 x 100 + 0 + 75) / 4 = 275 / 4 = 68.75 -> 68.8 before the cap; min(68.75, 40) = 40
    const items = [item('A-1', rubric, 4, 2), item('A-2', ypn, 0, 1, true), item('A-3', rubric, 3, 1)]
    expect(areaScore(items)).toMatchObject({ score: 40, uncappedScore: 68.8, cappedBy: ['A-2'] })
    // A ceiling set by the framework: min(68.75, 60) = 60.
    expect(areaScore(items, { redFlagCeiling: 60 })).toMatchObject({ score: 60, uncappedScore: 68.8 })
  })

  it('does not cap when the red flag is above its worst level, or when the indicator is not a red flag', () => {
    // A-2 "partial" (1) -> 50: (2 x 100 + 50 + 75) / 4 = 325 / 4 = 81.25 -> 81.3
    const partial = [item('A-1', rubric, 4, 2), item('A-2', ypn, 1, 1, true), item('A-3', rubric, 3, 1)]
    expect(areaScore(partial)).toMatchObject({ score: 81.3, uncappedScore: 81.3, cappedBy: [] })
    // A-2 "no" but not a red flag: 68.75 -> 68.8, no cap.
    const plain = [item('A-1', rubric, 4, 2), item('A-2', ypn, 0, 1, false), item('A-3', rubric, 3, 1)]
    expect(areaScore(plain)).toMatchObject({ score: 68.8, cappedBy: [] })
  })

  it('lists the red flags even when the mean is already under the ceiling', () => {
    // (25 + 0 + 0) / 3 = 8.33... -> 8.3; min(8.33, 40) = 8.33, so the cap changes nothing
    const result = areaScore([item('B-1', rubric, 1), item('B-2', ypn, 0, 1, true), item('B-3', rubric, 0, 1, true)])
    expect(result).toMatchObject({ score: 8.3, uncappedScore: 8.3, cappedBy: ['B-2', 'B-3'] })
  })

  it('counts weight-0 indicators as scored without letting them move the mean, though a red flag still caps', () => {
    // (0 x 0 + 1 x 100) / 1 = 100
    expect(areaScore([item('C-1', rubric, 0, 0), item('C-2', rubric, 4, 1)])).toMatchObject({
      score: 100,
      scoredCount: 2,
    })
    expect(areaScore([item('C-1', rubric, 0, 0, true), item('C-2', rubric, 4, 1)])).toMatchObject({
      score: 40,
      uncappedScore: 100,
      cappedBy: ['C-1'],
    })
  })

  it('has no score when nothing could be scored or every weight is 0', () => {
    expect(areaScore([item('D-1', rubric, null), item('D-2', ypn, null), item('D-3', convictions, null)])).toEqual({
      score: null,
      uncappedScore: null,
      scoredCount: 0,
      excludedCount: 3,
      notScoredCount: 0,
      cappedBy: [],
    })
    expect(areaScore([item('D-1', rubric, 3, 0), item('D-2', ypn, 0, 0, true)])).toMatchObject({
      score: null,
      uncappedScore: null,
      scoredCount: 2,
      cappedBy: ['D-2'],
    })
    expect(areaScore([item('D-1', text, null), item('D-2', amount, 10)])).toMatchObject({
      score: null,
      notScoredCount: 2,
    })
    expect(areaScore([])).toMatchObject({ score: null, scoredCount: 0 })
  })

  it('uses target bands, leaving out a value outside every band', () => {
    // E-1 7 convictions -> band [1, 10) -> 50, weight 1
    // E-2 85 % assisted -> band [80, 100) -> 100, weight 3
    // E-3 100 % assisted -> outside every band -> left out
    // (1 x 50 + 3 x 100) / 4 = 350 / 4 = 87.5
    const result = areaScore([item('E-1', convictions, 7, 1), item('E-2', assisted, 85, 3), item('E-3', assisted, 100)])
    expect(result).toMatchObject({ score: 87.5, scoredCount: 2, excludedCount: 1, cappedBy: [] })
  })

  it('refuses invalid input', () => {
    expect(() => areaScore([item('F-1', rubric, 7)])).toThrow(RangeError)
    expect(() => areaScore([item('F-1', rubric, 2, -1)])).toThrow(RangeError)
    expect(() => areaScore([item('F-1', rubric, 2)], { redFlagCeiling: 120 })).toThrow(RangeError)
  })
})

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

describe('implementation rate', () => {
  it('counts fully as 1 and partially as 0.5 over the recommendations still relevant', () => {
    // 2 fully + 1 partially + 1 not, 1 no longer relevant: (2 + 0.5) / 4 = 0.625
    const statuses: FollowUpStatus[] = [
      'fully_implemented',
      'fully_implemented',
      'partially_implemented',
      'not_implemented',
      'no_longer_relevant',
    ]
    expect(implementationRate(statuses)).toEqual({
      rate: 0.625,
      counted: 4,
      fully: 2,
      partially: 1,
      notImplemented: 1,
      noLongerRelevant: 1,
    })
    // 3 partially: 1.5 / 3 = 0.5
    expect(implementationRate(['partially_implemented', 'partially_implemented', 'partially_implemented']).rate).toBe(
      0.5,
    )
  })

  it('has no rate when no recommendation is still relevant', () => {
    expect(implementationRate([]).rate).toBeNull()
    expect(implementationRate(['no_longer_relevant'])).toMatchObject({ rate: null, counted: 0, noLongerRelevant: 1 })
  })
})

describe('properties', () => {
  const levelItem = fc.oneof(
    fc.record({ measurement: fc.constant(rubric), raw: fc.integer({ min: 0, max: 4 }) }),
    fc.record({ measurement: fc.constant(ypn), raw: fc.integer({ min: 0, max: 2 }) }),
  )

  it('normalises every valid score into 0-100', () => {
    fc.assert(
      fc.property(levelItem, ({ measurement, raw }) => {
        const score = normaliseScore(measurement, raw)
        expect(score).not.toBeNull()
        expect(score).toBeGreaterThanOrEqual(0)
        expect(score).toBeLessThanOrEqual(100)
      }),
    )
    const band = fc.record({
      from: fc.integer({ min: 0, max: 100 }),
      to: fc.integer({ min: 0, max: 101 }),
      score: fc.double({ min: 0, max: 100, noNaN: true }),
    })
    fc.assert(
      fc.property(fc.array(band, { minLength: 1 }), fc.double({ min: 0, max: 100, noNaN: true }), (bands, value) => {
        const score = normaliseScore({ type: 'percentage', targetBands: bands }, value)
        if (score !== null) {
          expect(score).toBeGreaterThanOrEqual(0)
          expect(score).toBeLessThanOrEqual(100)
        }
      }),
    )
  })

  it('never gives a kappa above 1, and gives 1 whenever the experts always agree', () => {
    const k = fc.integer({ min: 2, max: 6 })
    const pairsFor = (k: number) =>
      fc.array(fc.tuple(fc.integer({ min: 0, max: k - 1 }), fc.integer({ min: 0, max: k - 1 })), { minLength: 1 })
    fc.assert(
      fc.property(
        k.chain((k) => fc.tuple(fc.constant(k), pairsFor(k))),
        ([k, pairs]) => {
          expect(weightedKappa(pairs, k)).toBeLessThanOrEqual(1 + 1e-12)
          expect(weightedKappa(pairs, k)).not.toBeNaN()
          expect(
            weightedKappa(
              pairs.map(([a]): ScorePair => [a, a]),
              k,
            ),
          ).toBe(1)
        },
      ),
    )
  })

  it('keeps an uncapped area score between the lowest and highest weighted indicator score', () => {
    const areaItem = fc.record({
      code: fc.constantFrom('X-1', 'X-2', 'X-3'),
      measurement: fc.constantFrom(rubric, ypn),
      weight: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })),
      redFlag: fc.boolean(),
      level: fc.integer({ min: 0, max: 4 }),
      missing: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(areaItem, { maxLength: 12 }), fc.integer({ min: 0, max: 100 }), (generated, ceiling) => {
        const items: AreaScoreItem[] = generated.map((g) => ({
          ...g,
          raw: g.missing ? null : g.measurement.type === 'rubric' ? g.level : g.level % 3,
        }))
        const result = areaScore(items, { redFlagCeiling: ceiling })
        const contributing = items
          .filter((i) => i.raw !== null && i.weight > 0)
          .map((i) => normaliseScore(i.measurement, i.raw as number) as number)
        if (result.score === null) return
        // Rounded to one decimal, so allow half a tenth either side.
        expect(result.score).toBeLessThanOrEqual(Math.max(...contributing) + 0.05)
        if (result.cappedBy.length === 0) {
          expect(result.score).toBeGreaterThanOrEqual(Math.min(...contributing) - 0.05)
          expect(result.score).toBe(result.uncappedScore)
        } else {
          expect(result.score).toBeLessThanOrEqual(ceiling)
        }
      }),
    )
  })

  it('gives an implementation rate from 0 to 1', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FOLLOW_UP_STATUSES)), (statuses) => {
        const { rate, counted, noLongerRelevant } = implementationRate(statuses)
        expect(counted + noLongerRelevant).toBe(statuses.length)
        if (rate !== null) {
          expect(rate).toBeGreaterThanOrEqual(0)
          expect(rate).toBeLessThanOrEqual(1)
        }
      }),
    )
  })
})
