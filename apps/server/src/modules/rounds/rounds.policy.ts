import { type Actor, canSeeCountry, hasRole, isAdmin, leadsCountry } from '../../actor.ts'

/** A round as policies see it: its countries. */
export interface RoundSubject {
  countries: string[]
}

const manages = (actor: Actor) => isAdmin(actor) || hasRole(actor, 'regional_coordinator')

/**
 * Rounds: administrators and regional coordinators plan and steer them (only they move a round back); everyone who
 * sees one of a round's countries sees the round, and a country's work only in the countries they see; a country
 * lead assigns the indicators of their country. The country lead, a regional coordinator or an administrator reminds
 * the people who are late in a country.
 */
export const roundsPolicy = {
  'round.read': (actor: Actor, round: RoundSubject) => round.countries.some((c) => canSeeCountry(actor, c)),
  'round.manage': (actor: Actor, _round: RoundSubject | null) => manages(actor),
  'round.moveBack': (actor: Actor, _round: RoundSubject) => manages(actor),
  'roundCountry.read': (actor: Actor, subject: { round: RoundSubject; countryCode: string }) =>
    subject.round.countries.includes(subject.countryCode) && canSeeCountry(actor, subject.countryCode),
  'assignment.edit': (actor: Actor, subject: { countryCode: string }) => leadsCountry(actor, subject.countryCode),
  'round.remind': (actor: Actor, subject: { countryCode: string }) =>
    leadsCountry(actor, subject.countryCode) || hasRole(actor, 'regional_coordinator', subject.countryCode),
}
