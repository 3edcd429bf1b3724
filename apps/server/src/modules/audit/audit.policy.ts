import { type Actor, hasRole, isAdmin, leadsCountry } from '../../actor.ts'

/**
 * The audit log: admins and regional coordinators read all of it; a country lead reads events of the countries
 * they lead. `country: null` asks about events that belong to no country (accounts, reference data of the region).
 */
export const auditPolicy = {
  'audit.read': (actor: Actor, scope: { countryCode: string | null } | null) => {
    if (isAdmin(actor) || hasRole(actor, 'regional_coordinator', null)) return true
    if (scope === null) return hasRole(actor, 'country_lead')
    return scope.countryCode !== null && leadsCountry(actor, scope.countryCode)
  },
}
