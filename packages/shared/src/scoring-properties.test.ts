import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type AreaScoreItem,
  areaScore,
  FOLLOW_UP_STATUSES,
  implementationRate,
  normaliseScore,
  type ScorePair,
  weightedKappa,
} from './scoring.ts'
import { rubric, ypn } from './test-fixtures/measurements.ts'

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
