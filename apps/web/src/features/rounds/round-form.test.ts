import { describe, expect, it } from 'vitest'
import { emptyRoundForm, roundErrorsFromIssues, roundFieldOf, toCreateBody, validateRoundForm } from './round-form.ts'

const VERSION = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'
const valid = {
  ...emptyRoundForm(new Date('2026-03-01')),
  name: 'Monitoring 2025',
  frameworkVersionId: VERSION,
  countries: ['RS'],
}

describe('round form', () => {
  it('starts with the previous calendar year and the default thresholds', () => {
    const body = toCreateBody(valid, 'en')
    expect(body).toMatchObject({ periodFrom: '2025-01-01', periodTo: '2025-12-31', focus: null, focusLabel: {} })
    expect(body.options).toEqual({
      doubleScoring: false,
      ranking: false,
      discrepancyShare: 0.1,
      changeThreshold: 0.5,
      redFlagCeiling: 40,
    })
    expect(body.milestones).toEqual({ collectionClosesOn: null, reviewClosesOn: null, publicationOn: null })
    expect(validateRoundForm(valid, 'en')).toEqual({})
  })

  it('checks fields with the shared schema, and the period order and custom topic on top', () => {
    expect(validateRoundForm({ ...emptyRoundForm(), frameworkVersionId: null }, 'en')).toMatchObject({
      name: 'rounds:form.errors.name',
      frameworkVersionId: 'rounds:form.errors.version',
      countries: 'rounds:form.errors.countries',
    })
    expect(validateRoundForm({ ...valid, periodFrom: '2025-12-31', periodTo: '2025-01-01' }, 'en')).toEqual({
      periodTo: 'rounds:form.errors.periodOrder',
    })
    expect(validateRoundForm({ ...valid, focus: 'custom' }, 'en')).toEqual({
      focusLabel: 'rounds:form.errors.focusLabel',
    })
    expect(validateRoundForm({ ...valid, collectionClosesOn: '31.12.2025' }, 'en')).toEqual({
      'milestones.collectionClosesOn': 'rounds:form.errors.date',
    })
    expect(validateRoundForm({ ...valid, changePercent: '' }, 'en')).toEqual({
      'options.changeThreshold': 'rounds:form.errors.change',
    })
  })

  it('keeps a custom topic name in the language it was typed in', () => {
    const body = toCreateBody({ ...valid, focus: 'custom', focusLabel: 'Трговина на мрежи' }, 'sr-Cyrl')
    expect(body.focusLabel).toEqual({ 'sr-Cyrl': 'Трговина на мрежи' })
  })

  it('maps server issue paths to fields and known messages to catalog keys', () => {
    expect(roundFieldOf('body.countries[1]')).toBe('countries')
    expect(roundFieldOf('body.milestones.publicationOn')).toBe('milestones.publicationOn')
    expect(roundFieldOf('body.manualIndicators[0]')).toBe('manualIndicators')
    expect(roundFieldOf('query.x')).toBeNull()
    expect(
      roundErrorsFromIssues([
        { path: 'body.countries[1]', message: 'Unknown country XX' },
        { path: 'body.periodTo', message: 'The period ends before it starts' },
        { path: 'body.name', message: 'Something new' },
      ]),
    ).toEqual({
      countries: 'rounds:form.errors.countries',
      periodTo: 'rounds:form.errors.periodOrder',
      name: 'common:fieldErrors.invalid',
    })
  })
})
