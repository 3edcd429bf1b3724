import type { DecisionsOverview } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { remainingAfter, toDecisionBody, validateDecision } from './decision-form.ts'

const decided = (
  code: string,
  decision: 'keep' | 'drop' | 'merge' | 'reword' | 'move',
  mergeInto: string | null = null,
) => ({
  code,
  decision,
  mergeInto,
  newTitle: null,
  moveTo: null,
  rationale: 'why',
  decidedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
})

/** Ten indicators: one dropped, one merged, one kept; the rest undecided (they count as kept). */
const overview: DecisionsOverview = {
  decisions: [decided('A-1', 'drop'), decided('A-2', 'merge', 'A-3'), decided('A-3', 'keep')],
  summary: {
    total: 10,
    decided: 3,
    missing: ['A-4', 'A-5', 'A-6', 'A-7', 'A-8', 'A-9', 'A-10'],
    byDecision: { keep: 1, merge: 1, drop: 1, reword: 0, move: 0 },
    remaining: 8,
    coreBefore: 6,
    coreAfter: 4,
  },
}

describe('the remaining count of the decisions', () => {
  it('goes down by one when an undecided or kept indicator is dropped or merged', () => {
    expect(remainingAfter(overview, 'A-4', null)).toBe(8)
    expect(remainingAfter(overview, 'A-4', 'drop')).toBe(7)
    expect(remainingAfter(overview, 'A-3', 'merge')).toBe(7)
    expect(remainingAfter(overview, 'A-4', 'reword')).toBe(8)
    expect(remainingAfter(overview, 'A-4', 'move')).toBe(8)
  })

  it('goes up again when a drop or merge becomes a keep, and stays when a drop becomes a merge', () => {
    expect(remainingAfter(overview, 'A-1', 'keep')).toBe(9)
    expect(remainingAfter(overview, 'A-2', 'reword')).toBe(9)
    expect(remainingAfter(overview, 'A-1', 'merge')).toBe(8)
  })
})

describe('a decision', () => {
  const base = { decision: null, mergeInto: null, moveTo: null, newTitle: '', rationale: '' }

  it('names what it needs: a merge target that stays, a module, a new title, a reason', () => {
    expect(validateDecision(base, 'A-4', overview.decisions)).toEqual({ decision: 'required' })
    expect(validateDecision({ ...base, decision: 'keep' }, 'A-4', overview.decisions)).toEqual({})
    expect(validateDecision({ ...base, decision: 'merge', rationale: 'x' }, 'A-4', overview.decisions)).toEqual({
      mergeInto: 'mergeTarget',
    })
    expect(
      validateDecision({ ...base, decision: 'merge', mergeInto: 'A-1', rationale: 'x' }, 'A-4', overview.decisions),
    ).toEqual({ mergeInto: 'targetGone' })
    expect(validateDecision({ ...base, decision: 'reword' }, 'A-4', overview.decisions)).toEqual({
      newTitle: 'newTitle',
      rationale: 'rationale',
    })
    expect(validateDecision({ ...base, decision: 'move', rationale: 'x' }, 'A-4', overview.decisions)).toEqual({
      moveTo: 'moveTarget',
    })
  })

  it('sends the new title in the Handbook’s base language and only the chosen decision’s target', () => {
    expect(
      toDecisionBody(
        {
          decision: 'reword',
          mergeInto: 'A-3',
          moveTo: 'data',
          newTitle: ' Time to referral ',
          rationale: ' unclear ',
        },
        2,
        'sr-Cyrl',
      ),
    ).toEqual({
      version: 2,
      decision: 'reword',
      mergeInto: null,
      moveTo: null,
      newTitle: { 'sr-Cyrl': 'Time to referral' },
      rationale: 'unclear',
    })
  })
})
