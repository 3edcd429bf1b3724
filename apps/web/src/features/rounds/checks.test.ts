import { describe, expect, it } from 'vitest'
import { checksByField, entryFieldOf } from './checks.ts'

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
