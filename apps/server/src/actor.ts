import type { Role } from '@thbm/shared'

export interface ActorMembership {
  role: Role
  /** null: the role covers the whole region. */
  countryCode: string | null
  organisationId: string | null
}

/** The signed-in user as policies see it: loaded once per request, never queried by a policy. */
export interface Actor {
  id: string
  email: string
  name: string
  memberships: ActorMembership[]
}

/** What commands need to know about the request: who acts, and the id that ties audit rows to it. */
export interface RequestContext {
  actor: Actor | null
  requestId: string | null
}

/** True when the actor holds the role region-wide, or in the given country (any country when omitted). */
export function hasRole(actor: Actor, role: Role, countryCode?: string | null): boolean {
  return actor.memberships.some(
    (m) => m.role === role && (m.countryCode === null || countryCode === undefined || m.countryCode === countryCode),
  )
}

export const isAdmin = (actor: Actor): boolean => hasRole(actor, 'admin')

/** Countries the actor may see: 'all' for region-wide roles, otherwise the countries of its memberships. */
export function visibleCountries(actor: Actor): 'all' | Set<string> {
  if (actor.memberships.some((m) => m.countryCode === null)) return 'all'
  return new Set(actor.memberships.map((m) => m.countryCode as string))
}

export function canSeeCountry(actor: Actor, countryCode: string | null): boolean {
  const visible = visibleCountries(actor)
  if (visible === 'all') return true
  return countryCode !== null && visible.has(countryCode)
}

/** Countries where the actor leads (country lead), or 'all' for admins. */
export function ledCountries(actor: Actor): 'all' | Set<string> {
  if (isAdmin(actor)) return 'all'
  return new Set(
    actor.memberships.filter((m) => m.role === 'country_lead' && m.countryCode).map((m) => m.countryCode as string),
  )
}

export function leadsCountry(actor: Actor, countryCode: string | null): boolean {
  const led = ledCountries(actor)
  if (led === 'all') return true
  return countryCode !== null && led.has(countryCode)
}
