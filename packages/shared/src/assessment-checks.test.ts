import { describe, expect, it } from 'vitest'
import { assessmentInputProblems, assessmentSubmitProblems, rawScoreOf } from './assessment-checks.ts'
import { type Discrepancy, SaveAssessmentBodySchema } from './assessments.ts'
import type { Measurement } from './framework.ts'

const ind = (measurement: Measurement) => ({ measurement })
const rubric = ind({ type: 'rubric', levels: [{}, {}, {}, {}, {}] })
const ypn = ind({ type: 'yes_partial_no', descriptors: { yes: {}, partial: {}, no: {} } })
const count = ind({ type: 'count' })
const bandedCount = ind({
  type: 'count',
  targetBands: [
    { from: 0, to: 1, score: 0 },
    { from: 1, to: 10, score: 50 },
  ],
})
const percentage = ind({ type: 'percentage' })
const bandedPercentage = ind({ type: 'percentage', targetBands: [{ from: 0, to: 101, score: 100 }] })
const amount = ind({ type: 'amount', currency: 'EUR' })
const text = ind({ type: 'text' })

const body = (b: object = {}) => SaveAssessmentBodySchema.parse({ version: 0, ...b })
const none: Discrepancy = { kind: 'none', spread: null, answerIds: [] }
const levels: Discrepancy = { kind: 'levels', spread: null, answerIds: ['a', 'b'] }
const justified = { justification: 'Because', confidence: 'high' }
const link = [{ kind: 'link', title: 'Report', url: 'https://example.org/r.pdf' }]
const ANSWER_EVIDENCE = '01900000-0000-7000-8000-0000000000e1'

const inputCodes = (i: Parameters<typeof assessmentInputProblems>[0], b: object) =>
  assessmentInputProblems(i, body(b)).map((p) => `${p.path}:${p.code}`)
const submitPaths = (i: Parameters<typeof assessmentSubmitProblems>[0], b: object, d = none) =>
  assessmentSubmitProblems(i, body(b), d).map((p) => p.path)

describe('assessment input', () => {
  it('accepts whole levels on the scale, and a draft without any score', () => {
    for (const score of [0, 1, 2, 3, 4]) expect(inputCodes(rubric, { score })).toEqual([])
    for (const score of [0, 1, 2]) expect(inputCodes(ypn, { score })).toEqual([])
    expect(inputCodes(rubric, {})).toEqual([])
  })

  it('refuses levels off the scale', () => {
    for (const score of [5, 2.5, -1]) expect(inputCodes(rubric, { score })).toEqual(['body.score:score.range'])
    expect(inputCodes(ypn, { score: 3 })).toEqual(['body.score:score.range'])
  })

  it('refuses a score typed for an indicator scored from its value, or not scored at all', () => {
    for (const i of [count, bandedCount, percentage, amount, text])
      expect(inputCodes(i, { score: 1 })).toEqual(['body.score:score.derived'])
  })

  it('refuses consolidated values that cannot be, which no target band could hold', () => {
    expect(inputCodes(count, { value: { number: -1 } })).toEqual(['body.value.number:number.negative'])
    expect(inputCodes(bandedCount, { value: { number: 2.5 } })).toEqual(['body.value.number:number.whole'])
    expect(inputCodes(amount, { value: { number: -5 } })).toEqual(['body.value.number:number.negative'])
    expect(inputCodes(amount, { value: { number: 2.5 } })).toEqual([])
    expect(inputCodes(bandedPercentage, { value: { numerator: 12, denominator: 10 } })).toEqual([
      'body.value.numerator:percentage.over100',
    ])
    expect(inputCodes(percentage, { value: { numerator: null, denominator: -1 } })).toEqual([
      'body.value.denominator:number.negative',
    ])
    // No data: the value is not looked at.
    expect(inputCodes(count, { noData: true, value: { number: -1 } })).toEqual([])
  })
})

describe('assessment submission', () => {
  it('lets a complete scale assessment through, with the answers’ evidence or the expert’s own', () => {
    expect(submitPaths(rubric, { ...justified, score: 3, evidence: link })).toEqual([])
    expect(submitPaths(ypn, { ...justified, score: 0, answerEvidenceIds: [ANSWER_EVIDENCE] })).toEqual([])
  })

  it('lists everything missing from a scale assessment at once', () => {
    expect(submitPaths(rubric, {})).toEqual(['body.justification', 'body.confidence', 'body.score', 'body.evidence'])
    expect(submitPaths(rubric, { ...justified, score: 3 })).toEqual(['body.evidence'])
    expect(submitPaths(rubric, { confidence: 'low', score: 3, evidence: link })).toEqual(['body.justification'])
  })

  it('wants the consolidated figure of a count or amount, and both parts of a percentage', () => {
    expect(submitPaths(count, justified)).toEqual(['body.value.number'])
    expect(submitPaths(amount, justified)).toEqual(['body.value.number'])
    expect(submitPaths(count, { ...justified, value: { number: 0 } })).toEqual([])
    expect(submitPaths(percentage, justified)).toEqual(['body.value.numerator', 'body.value.denominator'])
    expect(submitPaths(percentage, { ...justified, value: { numerator: 3, denominator: 10 } })).toEqual([])
    // Over 100 % is named once, by the input check.
    expect(submitPaths(percentage, { ...justified, value: { numerator: 30, denominator: 10 } })).toEqual([
      'body.value.numerator',
    ])
    expect(submitPaths(text, justified)).toEqual([])
  })

  it('takes "no data" with its reason instead of a score, value or evidence', () => {
    expect(submitPaths(rubric, { ...justified, noData: true })).toEqual(['body.noDataReason'])
    expect(submitPaths(rubric, { ...justified, noData: true, noDataReason: 'Not collected' })).toEqual([])
    expect(submitPaths(count, { noData: true, noDataReason: 'Not collected' })).toEqual([
      'body.justification',
      'body.confidence',
    ])
  })

  it('wants a resolution when the sources disagree', () => {
    const done = { ...justified, score: 2, evidence: link }
    expect(submitPaths(rubric, done, levels)).toEqual(['body.discrepancyResolution'])
    expect(submitPaths(rubric, { ...done, discrepancyResolution: 'The ministry is right' }, levels)).toEqual([])
    const values: Discrepancy = { kind: 'values', spread: 0.2, answerIds: ['a', 'b'] }
    expect(submitPaths(count, { ...justified, value: { number: 12 } }, values)).toEqual(['body.discrepancyResolution'])
  })
})

describe('raw score', () => {
  it('is the level on a scale, the value with target bands, and nothing otherwise', () => {
    expect(rawScoreOf(rubric, body({ score: 3 }))).toBe(3)
    expect(rawScoreOf(rubric, body({}))).toBeNull()
    expect(rawScoreOf(bandedCount, body({ value: { number: 7 } }))).toBe(7)
    expect(rawScoreOf(bandedPercentage, body({ value: { numerator: 1, denominator: 4 } }))).toBe(25)
    expect(rawScoreOf(bandedPercentage, body({ value: { numerator: 1, denominator: 0 } }))).toBeNull()
    expect(rawScoreOf(count, body({ value: { number: 7 } }))).toBeNull()
    expect(rawScoreOf(rubric, body({ score: 3, noData: true }))).toBeNull()
  })
})
