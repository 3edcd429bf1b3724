import { type Actor, hasRole, isAdmin, leadsCountry, visibleCountries } from '../../actor.ts'

/**
 * Reports: whoever reviews a country's work (not a data provider, who sees only its own organisation's answers) reads
 * its national report as it stands; the regional report compares every
 * country, so only region-wide roles read it before publication. The country lead or a regional coordinator
 * publishes a national report; a regional coordinator publishes the regional one. Published reports are public.
 */
export const reportsPolicy = {
  'report.readNational': (actor: Actor, s: { countryCode: string }) =>
    actor.memberships.some(
      (m) => m.role !== 'data_provider' && (m.countryCode === null || m.countryCode === s.countryCode),
    ),
  /** Dashboards show scores and statistics: for everyone but data providers (each country as readNational allows). */
  'dashboard.read': (actor: Actor, _s: null) => actor.memberships.some((m) => m.role !== 'data_provider'),
  'report.readRegional': (actor: Actor, _s: null) => visibleCountries(actor) === 'all',
  'report.publishNational': (actor: Actor, s: { countryCode: string }) =>
    leadsCountry(actor, s.countryCode) || hasRole(actor, 'regional_coordinator'),
  'report.publishRegional': (actor: Actor, _s: null) => isAdmin(actor) || hasRole(actor, 'regional_coordinator'),
}
