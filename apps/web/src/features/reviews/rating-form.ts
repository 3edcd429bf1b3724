import {
  type Issue,
  RATING_VALUES,
  type ReviewCriterion,
  type ReviewProposal,
  type ReviewResponse,
  type SaveResponseBody,
  type Topic,
} from '@thbm/shared'

/** A participant's answer on one indicator as the form holds it. */
export interface RatingFormState {
  ratings: Partial<Record<ReviewCriterion, number>>
  proposal: ReviewProposal | null
  mergeInto: string | null
  moveTo: Topic | null
  comment: string
}

/** What is wrong with a field: a rating outside 1-5, a merge or move without its target, a comment too long. */
export type RatingProblem = 'range' | 'mergeTarget' | 'mergeSelf' | 'moveTarget' | 'commentLong' | 'invalid'
/** Problems by field: `ratings.<criterion>`, `mergeInto`, `moveTo`, `comment`. */
export type RatingErrors = Record<string, RatingProblem>

export const COMMENT_MAX = 5000

export const emptyRating = (): RatingFormState => ({
  ratings: {},
  proposal: null,
  mergeInto: null,
  moveTo: null,
  comment: '',
})

/** The form filled from a saved response (this round's, or the previous round's to start a revision from). */
export function fromResponse(response: Omit<ReviewResponse, 'code'> | null | undefined): RatingFormState {
  if (!response) return emptyRating()
  return {
    ratings: { ...response.ratings },
    proposal: response.proposal,
    mergeInto: response.mergeInto,
    moveTo: response.moveTo,
    comment: response.comment ?? '',
  }
}

/** True for the ratings the scale has: whole numbers from 1 to 5. */
export const isRating = (value: unknown): value is number =>
  typeof value === 'number' && (RATING_VALUES as readonly number[]).includes(value)

/** Checks the form before it is sent, as the server will: ratings 1-5 only, a merge names another indicator, a move a module. */
export function validateRating(
  state: RatingFormState,
  code: string,
  criteria: readonly ReviewCriterion[],
): RatingErrors {
  const errors: RatingErrors = {}
  for (const criterion of criteria) {
    const value = state.ratings[criterion]
    if (value !== undefined && !isRating(value)) errors[`ratings.${criterion}`] = 'range'
  }
  if (state.proposal === 'merge') {
    if (!state.mergeInto) errors.mergeInto = 'mergeTarget'
    else if (state.mergeInto === code) errors.mergeInto = 'mergeSelf'
  }
  if (state.proposal === 'move' && !state.moveTo) errors.moveTo = 'moveTarget'
  if (state.comment.trim().length > COMMENT_MAX) errors.comment = 'commentLong'
  return errors
}

/** The request body: only the criteria of the review, targets only for the proposal that needs them. */
export function toResponseBody(
  state: RatingFormState,
  version: number,
  criteria: readonly ReviewCriterion[],
): SaveResponseBody {
  const ratings: SaveResponseBody['ratings'] = {}
  for (const criterion of criteria) {
    const value = state.ratings[criterion]
    if (isRating(value)) ratings[criterion] = value
  }
  const comment = state.comment.trim()
  return {
    version,
    ratings,
    proposal: state.proposal,
    mergeInto: state.proposal === 'merge' ? state.mergeInto : null,
    moveTo: state.proposal === 'move' ? state.moveTo : null,
    comment: comment || null,
  }
}

/** Every criterion of the review has a rating. */
export const isComplete = (
  response: Pick<ReviewResponse, 'ratings'> | null | undefined,
  criteria: readonly ReviewCriterion[],
): boolean => Boolean(response && criteria.every((c) => isRating(response.ratings[c])))

/** The server's field problems (400) in the form's terms; anything unknown is marked invalid. */
export function ratingErrorsFromIssues(issues: readonly Issue[]): RatingErrors {
  const errors: RatingErrors = {}
  for (const issue of issues) {
    const field = issue.path.replace(/^body\./, '')
    if (field.startsWith('ratings.')) errors[field] = 'range'
    else if (field === 'mergeInto') errors.mergeInto = 'mergeTarget'
    else if (field === 'moveTo') errors.moveTo = 'moveTarget'
    else if (field === 'comment') errors.comment = 'commentLong'
    else errors[field] ??= 'invalid'
  }
  return errors
}
