import type { IndicatorDoc } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { hasFilters, matchesFilters, parseFilters, withFilter, withoutFilters } from './filters.ts'

const indicator = (over: Partial<IndicatorDoc>): IndicatorDoc => ({
  code: 'CHD-2',
  area: 'CHD',
  title: { en: 'Guardianship for unaccompanied child victims', 'sr-Cyrl': 'Старатељство за децу без пратње' },
  definition: { en: 'Share of children assigned a qualified guardian' },
  guidance: { en: 'Ask social welfare centres' },
  kind: 'process',
  measurement: { type: 'percentage' },
  disaggregations: [],
  customDimensions: [],
  legalReferences: [{ instrument: 'coe_convention', article: '10(4)' }],
  sources: ['government'],
  topics: ['child_trafficking', 'assistance'],
  core: false,
  frameworkIndicator: false,
  redFlag: false,
  weight: 1,
  lineage: { type: 'new', from: [] },
  ...over,
})

describe('parseFilters', () => {
  it('reads known values and ignores unknown ones, so an old link still opens', () => {
    const f = parseFilters(new URLSearchParams('q=%20guardian%20&kind=process&flag=core&topic=nope&instrument=sdg'))
    expect(f).toEqual({ q: 'guardian', kind: 'process', topic: null, flag: 'core', instrument: 'sdg' })
    expect(hasFilters(parseFilters(new URLSearchParams('other=1')))).toBe(false)
  })

  it('sets and clears one filter while keeping other parameters', () => {
    const start = new URLSearchParams('edit=1&kind=process')
    const set = withFilter(start, 'flag', 'core')
    expect(set.toString()).toBe('edit=1&kind=process&flag=core')
    expect(withFilter(set, 'kind', '  ').toString()).toBe('edit=1&flag=core')
    expect(withoutFilters(set).toString()).toBe('edit=1')
  })
})

describe('matchesFilters', () => {
  const none = parseFilters(new URLSearchParams())
  it('searches the code, and title and definition in every language, ignoring case and accents', () => {
    const ind = indicator({})
    expect(matchesFilters(ind, { ...none, q: 'GUARDIAN' })).toBe(true)
    expect(matchesFilters(ind, { ...none, q: 'chd-2' })).toBe(true)
    expect(matchesFilters(ind, { ...none, q: 'старатељ' })).toBe(true)
    expect(matchesFilters(ind, { ...none, q: 'qualified' })).toBe(true)
    expect(matchesFilters(ind, { ...none, q: 'welfare' })).toBe(false)
    expect(matchesFilters(indicator({ title: { en: 'Zaštita žrtava' } }), { ...none, q: 'zastita' })).toBe(true)
  })

  it('combines kind, topic, flag and legal instrument', () => {
    const ind = indicator({ core: true })
    expect(matchesFilters(ind, { ...none, kind: 'process', topic: 'assistance', flag: 'core' })).toBe(true)
    expect(matchesFilters(ind, { ...none, kind: 'outcome' })).toBe(false)
    expect(matchesFilters(ind, { ...none, flag: 'redFlag' })).toBe(false)
    expect(matchesFilters(ind, { ...none, instrument: 'coe_convention' })).toBe(true)
    expect(matchesFilters(ind, { ...none, instrument: 'palermo_protocol' })).toBe(false)
  })
})
