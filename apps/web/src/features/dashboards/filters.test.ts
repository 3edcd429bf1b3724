import { describe, expect, it } from 'vitest'
import { latestRound, readExplorerFilters, readProfileIndicator, withParam, withVersion } from './filters.ts'
import { shortTitle } from './text.ts'

const V1 = '01a2240e-c6e6-7a00-87aa-515cdb5d00f0'

describe('explorer filters in the URL', () => {
  it('reads a valid code and version and ignores malformed ones, so an old or edited link still opens', () => {
    expect(readExplorerFilters(new URLSearchParams(`code=IDN-4&version=${V1}`))).toEqual({ code: 'IDN-4', version: V1 })
    expect(readExplorerFilters(new URLSearchParams('code=idn-4&version=latest'))).toEqual({ code: null, version: null })
    expect(readExplorerFilters(new URLSearchParams('code=CHD-12a'))).toEqual({ code: 'CHD-12a', version: null })
    expect(readProfileIndicator(new URLSearchParams('indicator=LAB-4'))).toBe('LAB-4')
    expect(readProfileIndicator(new URLSearchParams('indicator=<script>'))).toBeNull()
  })

  it('sets and clears one parameter while keeping the others', () => {
    const start = new URLSearchParams('code=IDN-4&other=1')
    expect(withParam(start, 'code', 'LAB-4').toString()).toBe('code=LAB-4&other=1')
    expect(withParam(start, 'code', null).toString()).toBe('other=1')
    expect(start.toString()).toBe('code=IDN-4&other=1')
  })

  it('keeps the indicator when the chosen version has it, and drops it otherwise', () => {
    const start = new URLSearchParams('code=IDN-4')
    expect(withVersion(start, V1, ['IDN-4', 'IDN-5']).toString()).toBe(`code=IDN-4&version=${V1}`)
    expect(withVersion(start, V1, ['IDN-5']).toString()).toBe(`version=${V1}`)
    expect(withVersion(new URLSearchParams(`code=IDN-4&version=${V1}`), null, ['IDN-4']).toString()).toBe('code=IDN-4')
  })
})

describe('latestRound', () => {
  it('opens on the latest round past planning', () => {
    const round = (id: string, status: string, periodTo: string) => ({ id, status, periodTo, periodFrom: '2020-01-01' })
    const rounds = [
      round('a', 'published', '2024-12-31'),
      round('b', 'planning', '2027-12-31'),
      round('c', 'collecting', '2026-12-31'),
    ]
    expect(latestRound(rounds as never[])).toMatchObject({ id: 'c' })
    expect(latestRound([round('b', 'planning', '2027-12-31')] as never[])).toBeNull()
  })
})

describe('shortTitle', () => {
  it('shortens long area titles for chart axes and legends', () => {
    expect(shortTitle('Labour exploitation (forced labour, servitude, slavery, debt bondage)')).toBe(
      'Labour exploitation',
    )
    expect(shortTitle('Coordination, strategy, National Rapporteur and data')).toBe('Coordination')
    expect(shortTitle('Residence, return and reintegration')).toBe('Residence, return and reintegration')
  })
})
