import { describe, expect, it } from 'vitest'
import {
  emptyRating,
  fromResponse,
  isComplete,
  isRating,
  ratingErrorsFromIssues,
  toResponseBody,
  validateRating,
} from './rating-form.ts'

const CRITERIA = ['significance', 'clarity'] as const

describe('the rating form', () => {
  it('accepts whole ratings from 1 to 5 only', () => {
    expect([1, 2, 3, 4, 5].every(isRating)).toBe(true)
    for (const bad of [0, 6, 2.5, -1, Number.NaN, '3']) expect(isRating(bad)).toBe(false)
    const state = { ...emptyRating(), ratings: { significance: 6, clarity: 0 } }
    expect(validateRating(state, 'IDN-1', CRITERIA)).toEqual({
      'ratings.significance': 'range',
      'ratings.clarity': 'range',
    })
    expect(validateRating({ ...emptyRating(), ratings: { significance: 5, clarity: 1 } }, 'IDN-1', CRITERIA)).toEqual(
      {},
    )
  })

  it('needs a target for a merge (another indicator) and for a move', () => {
    const merge = { ...emptyRating(), proposal: 'merge' as const }
    expect(validateRating(merge, 'IDN-1', CRITERIA)).toEqual({ mergeInto: 'mergeTarget' })
    expect(validateRating({ ...merge, mergeInto: 'IDN-1' }, 'IDN-1', CRITERIA)).toEqual({ mergeInto: 'mergeSelf' })
    expect(validateRating({ ...merge, mergeInto: 'IDN-2' }, 'IDN-1', CRITERIA)).toEqual({})
    expect(validateRating({ ...emptyRating(), proposal: 'move' }, 'IDN-1', CRITERIA)).toEqual({ moveTo: 'moveTarget' })
  })

  it('sends only the review’s criteria and the target of the chosen proposal', () => {
    const state = {
      ratings: { significance: 4, clarity: 2, feasibility: 3 },
      proposal: 'drop' as const,
      mergeInto: 'IDN-2',
      moveTo: 'data' as const,
      comment: '  rarely collected  ',
    }
    expect(toResponseBody(state, 3, CRITERIA)).toEqual({
      version: 3,
      ratings: { significance: 4, clarity: 2 },
      proposal: 'drop',
      mergeInto: null,
      moveTo: null,
      comment: 'rarely collected',
    })
  })

  it('starts a revision from the previous answer and counts an indicator as rated when every criterion is', () => {
    const previous = {
      ratings: { significance: 4 },
      proposal: 'merge' as const,
      mergeInto: 'IDN-4',
      moveTo: null,
      comment: null,
    }
    expect(fromResponse(previous)).toEqual({ ...previous, comment: '' })
    expect(isComplete(previous, CRITERIA)).toBe(false)
    expect(isComplete({ ratings: { significance: 4, clarity: 5 } }, CRITERIA)).toBe(true)
    expect(isComplete(null, CRITERIA)).toBe(false)
  })

  it('maps the server’s field problems to the form', () => {
    expect(
      ratingErrorsFromIssues([
        { path: 'body.ratings.clarity', message: 'Rate from 1 to 5' },
        { path: 'body.mergeInto', message: 'Name the indicator to merge into' },
      ]),
    ).toEqual({ 'ratings.clarity': 'range', mergeInto: 'mergeTarget' })
  })
})
