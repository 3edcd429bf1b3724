import { type Actor, canSeeCountry, leadsCountry } from '../../actor.ts'

/** Organisations are reference data of a country: visible to whoever sees the country, kept by its lead. */
export const organisationsPolicy = {
  'organisation.read': (actor: Actor, org: { countryCode: string }) => canSeeCountry(actor, org.countryCode),
  'organisation.create': (actor: Actor, org: { countryCode: string }) => leadsCountry(actor, org.countryCode),
  'organisation.update': (actor: Actor, org: { countryCode: string }) => leadsCountry(actor, org.countryCode),
}
