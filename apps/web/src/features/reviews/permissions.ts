import type { Me, ReviewDetail } from '@thbm/shared'
import { isAdmin } from '../../app/permissions.ts'

/**
 * Whether the user runs indicator reviews (the server's `review.create`): regional coordinators and administrators.
 * Only hides controls; the server stays the gate.
 */
export const mayRunReviews = (me: Me | null | undefined): boolean =>
  Boolean(me && (isAdmin(me) || me.memberships.some((m) => m.role === 'regional_coordinator')))

/** Whether the review reported this ability for the signed-in user. */
export const reviewCan = (review: Pick<ReviewDetail, 'abilities'> | null | undefined, ability: string): boolean =>
  Boolean(review?.abilities.includes(ability))
