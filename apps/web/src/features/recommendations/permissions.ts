import type { Me, RoundStatus } from '@thbm/shared'
import { leadsCountry } from '../../app/permissions.ts'

/**
 * Whether to offer writing a country's recommendations and their follow-up: the country lead (or an administrator)
 * and the regional coordinators, as the server's `recommendation.write` rule. Only hides controls; the server decides.
 */
export function mayWriteRecommendations(me: Me | null | undefined, country: string): boolean {
  if (!me) return false
  return leadsCountry(me, country) || me.memberships.some((m) => m.role === 'regional_coordinator')
}

/** Recommendations and follow-up statuses change only before the round is published. */
export const isOpenRound = (status: RoundStatus | null | undefined): boolean =>
  status === 'planning' || status === 'collecting' || status === 'reviewing'
