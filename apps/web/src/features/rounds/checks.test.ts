import { describe, expect, it } from 'vitest'
import { emptyDraft } from './answer-draft.ts'
import { checksByField, entryFieldOf, openIssues } from './checks.ts'

describe('entryFieldOf', () => {
  it('maps check and issue paths to the form fields', () => {
    expect(entryFieldOf('body.value.number')).toBe('value.number')
    expect(entryFieldOf('value.choice')).toBe('value.choice')
    expect(entryFieldOf('cells[victim_status=identified]')).toBe('cells')
    expect(entryFieldOf('body.cells[0].key')).toBe('cells')
    expect(entryFieldOf('body.evidence[2].url')).toBe('evidence')
    expect(entryFieldOf('body.partsExplanation')).toBe('partsExplanation')
    expect(entryFieldOf('body.somethingElse')).toBeNull()
  })
})

describe('checksByField', () => {
  it('groups checks by field, counts server issues as errors and drops duplicates', () => {
    const map = checksByField([
      { path: 'narrative', code: 'personal_data.phone', severity: 'warning', message: 'x' },
      { path: 'value.choice', code: 'required', severity: 'error', message: 'Choose a level' },
      { path: 'body.value.choice', code: 'required', message: 'Choose a level' },
      { path: 'body.noDataReason', message: 'no code' },
    ])
    expect(map.get('narrative')).toEqual([
      { field: 'narrative', severity: 'warning', code: 'personal_data.phone', message: 'x' },
    ])
    expect(map.get('value.choice')).toHaveLength(1)
    expect(map.get('noDataReason')?.[0]).toMatchObject({ severity: 'error', code: 'invalid' })
  })
})

describe('openIssues', () => {
  const issues = [
    { path: 'body.value.numerator', code: 'required', message: 'Enter a number.' },
    { path: 'body.value.denominator', code: 'required', message: 'Enter a number.' },
    { path: 'body.evidence', code: 'required', message: 'Add evidence.' },
    { path: 'body.somewhere', code: 'invalid', message: 'Not a field of the form.' },
  ]
  const submitted = emptyDraft()

  it('keeps every issue while nothing changed', () => {
    expect(openIssues(issues, submitted, { ...submitted })).toEqual(issues)
    expect(openIssues(issues, null, submitted)).toEqual(issues)
  })

  it('drops the issues of a field once it changed, and keeps the others', () => {
    const paths = openIssues(issues, submitted, { ...submitted, numerator: 36 }).map((i) => i.path)
    expect(paths).toEqual(['body.value.denominator', 'body.evidence', 'body.somewhere'])
  })

  it('drops every issue when "data not available" is ticked or unticked', () => {
    expect(openIssues(issues, submitted, { ...submitted, noData: true })).toEqual([])
  })
})
