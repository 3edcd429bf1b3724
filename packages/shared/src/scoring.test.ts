import { describe, expect, it } from 'vitest'
import type { Measurement } from './framework.ts'
import {
  type AreaScoreItem,
  areaScore,
  type FollowUpStatus,
  implementationRate,
  isScored,
  isWorstLevel,
  normaliseScore,
  scaleOf,
  validateScore,
} from './scoring.ts'
import { amount, assisted, convictions, rubric, text, ypn } from './test-fixtures/measurements.ts'

const item = (code: string, measurement: Measurement, raw: number | null, weight = 1, redFlag = false) =>
  ({ code, measurement, raw, weight, redFlag }) satisfies AreaScoreItem

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
