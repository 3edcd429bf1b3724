import { describe, expect, it } from 'vitest'
import { parseApiError } from '../../api/errors.ts'
import { allowedMoves, blockersOf, groupBlockers } from './transitions.ts'

describe('allowedMoves', () => {
  it('offers start while planning, and nothing backwards', () => {
    expect(allowedMoves({ status: 'planning', abilities: ['round.edit', 'round.start'] })).toEqual([
      { to: 'collecting', direction: 'forward' },
    ])
  })
  it('offers one step each way while collecting, and only back when archived', () => {
    const abilities = ['round.edit', 'round.advance', 'round.moveBack']
    expect(allowedMoves({ status: 'collecting', abilities })).toEqual([
      { to: 'reviewing', direction: 'forward' },
      { to: 'planning', direction: 'back' },
    ])
    expect(allowedMoves({ status: 'archived', abilities: ['round.moveBack'] })).toEqual([
      { to: 'published', direction: 'back' },
    ])
  })
  it('offers nothing without abilities', () => {
    expect(allowedMoves({ status: 'collecting', abilities: [] })).toEqual([])
  })
})

describe('blockersOf', () => {
  it('reads the blockers of a refused move and ignores malformed entries', () => {
    const error = parseApiError(409, {
      error: {
        code: 'invalid_state',
        message: '2 item(s) stop the round',
        details: {
          blockers: [
            { countryCode: 'RS', indicatorCode: 'IDN-1', problem: 'not_validated' },
            { countryCode: 'AL', indicatorCode: null, problem: 'no_indicators' },
            { nonsense: true },
          ],
        },
      },
      requestId: 'r',
    })
    expect(blockersOf(error)).toEqual([
      { countryCode: 'RS', indicatorCode: 'IDN-1', problem: 'not_validated' },
      { countryCode: 'AL', indicatorCode: null, problem: 'no_indicators' },
    ])
    expect(blockersOf(new Error('x'))).toEqual([])
  })
})

describe('groupBlockers', () => {
  it('lists each country once, with its indicators', () => {
    expect(
      groupBlockers([
        { countryCode: 'RS', indicatorCode: 'IDN-1', problem: 'not_validated' },
        { countryCode: 'AL', indicatorCode: null, problem: 'no_indicators' },
        { countryCode: 'RS', indicatorCode: 'IDN-4', problem: 'not_validated' },
      ]),
    ).toEqual([
      { countryCode: 'RS', noIndicators: false, codes: ['IDN-1', 'IDN-4'], followUps: 0 },
      { countryCode: 'AL', noIndicators: true, codes: [], followUps: 0 },
    ])
  })
})
