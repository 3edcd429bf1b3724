import { type Actor, hasRole, isAdmin } from '../../actor.ts'

export interface ReviewSubject {
  /** Users taking part in the review. */
  participantUserIds: readonly string[]
}

const runsReviews = (actor: Actor) => isAdmin(actor) || hasRole(actor, 'regional_coordinator')

/**
 * Indicator reviews: the regional coordinators (and administrators) create and run them, see the results and decide;
 * participants see the review and their own responses only, never anyone else's ratings.
 */
export const reviewsPolicy = {
  'review.create': (actor: Actor, _subject: null) => runsReviews(actor),
  'review.manage': (actor: Actor, _subject: ReviewSubject) => runsReviews(actor),
  'review.read': (actor: Actor, s: ReviewSubject) => runsReviews(actor) || s.participantUserIds.includes(actor.id),
  'review.respond': (actor: Actor, s: ReviewSubject) => s.participantUserIds.includes(actor.id),
}
