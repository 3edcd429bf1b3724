import { describe, expect, it } from 'vitest'
import { cleanIndicator, defaultMeasurement, emptyIndicator, validateIndicator } from './indicator-form.ts'
import { issueMessageKey, issuesByPath } from './issue-messages.ts'

describe('validateIndicator', () => {
  it('checks the shared schema and the base-language texts, keyed by field path', () => {
    const doc = { ...emptyIndicator('IDN'), code: 'idn 3', measurement: defaultMeasurement('rubric') }
    const errors = validateIndicator(doc, 'en')
    expect(errors.code).toBe('handbook:errors.indicatorCode')
    expect(errors.title).toBe('handbook:errors.textRequired')
    expect(errors.definition).toBe('handbook:errors.textRequired')
    expect(errors['measurement.levels[0]']).toBe('handbook:errors.textRequired')
    expect(errors['measurement.levels[4]']).toBe('handbook:errors.textRequired')
    expect(errors.guidance).toBeUndefined()
  })

  it('accepts a complete indicator and refuses a red flag on a count', () => {
    const doc = {
      ...emptyIndicator('IDN'),
      code: 'IDN-9',
      title: { en: 'Time to identification' },
      definition: { en: 'Median days' },
      measurement: defaultMeasurement('count'),
    }
    expect(validateIndicator(doc, 'en')).toEqual({})
    expect(validateIndicator({ ...doc, redFlag: true }, 'en')).toEqual({ redFlag: 'handbook:errors.redFlagScale' })
    expect(validateIndicator({ ...doc, measurement: { type: 'amount', currency: 'eur' } }, 'en')).toEqual({
      'measurement.currency': 'handbook:errors.currency',
    })
  })

  it('drops empty optional texts before sending', () => {
    const doc = { ...emptyIndicator('IDN'), unit: {}, measurement: { type: 'count' as const, unit: {} } }
    const cleaned = cleanIndicator(doc)
    expect('unit' in cleaned).toBe(false)
    expect(cleaned.measurement).toEqual({ type: 'count' })
  })
})

describe('server issues', () => {
  it('are keyed by field path and translated by pattern', () => {
    const issues = issuesByPath([
      { path: 'body.into[1].code', message: 'Code IDN-9 is used already' },
      { path: 'body.code', message: 'Use a code like IDN-3' },
      { path: 'query.version', message: 'Expected number' },
    ])
    expect(Object.keys(issues)).toEqual(['into[1].code', 'code'])
    expect(issueMessageKey(issues['into[1].code'] as { message: string })).toBe('handbook:errors.codeTaken')
    expect(issueMessageKey({ message: 'Something else' })).toBe('common:fieldErrors.invalid')
  })
})
