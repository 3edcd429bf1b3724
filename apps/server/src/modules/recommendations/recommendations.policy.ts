import { type Actor, canSeeCountry, hasRole, leadsCountry } from '../../actor.ts'

export interface RecommendationSubject {
  countryCode: string
}

/**
 * Recommendations: everyone who sees the country reads them (they are meant to be public once published); the country
 * lead and the regional coordinators write them and record their follow-up.
 */
export const recommendationsPolicy = {
  'recommendation.read': (actor: Actor, s: RecommendationSubject) => canSeeCountry(actor, s.countryCode),
  'recommendation.write': (actor: Actor, s: RecommendationSubject) =>
    leadsCountry(actor, s.countryCode) || hasRole(actor, 'regional_coordinator'),
}
