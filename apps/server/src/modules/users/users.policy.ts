import type { Role } from '@thbm/shared'
import { type Actor, hasRole, isAdmin, leadsCountry } from '../../actor.ts'

/** A role grant: what an invitation or a new membership would give. */
export interface Grant {
  role: Role
  countryCode: string | null
}

/** A user as policies see it: its id and memberships. */
export interface UserSubject {
  id: string
  memberships: Grant[]
}

// Country leads manage people of their own country in these roles; region-wide and admin roles are the admin's.
const LEAD_GRANTABLE: readonly Role[] = ['country_lead', 'expert', 'data_provider', 'observer']

function mayGrant(actor: Actor, grant: Grant): boolean {
  if (isAdmin(actor)) return true
  return grant.countryCode !== null && LEAD_GRANTABLE.includes(grant.role) && leadsCountry(actor, grant.countryCode)
}

/** A country lead manages a user only when every membership of that user lies in countries the lead leads. */
function mayManage(actor: Actor, user: UserSubject): boolean {
  if (user.id === actor.id) return false
  if (isAdmin(actor)) return true
  return user.memberships.length > 0 && user.memberships.every((m) => mayGrant(actor, m))
}

export const usersPolicy = {
  'user.list': (actor: Actor, _: null) =>
    isAdmin(actor) || hasRole(actor, 'regional_coordinator') || hasRole(actor, 'country_lead'),
  'user.read': (actor: Actor, user: UserSubject) =>
    user.id === actor.id ||
    isAdmin(actor) ||
    hasRole(actor, 'regional_coordinator') ||
    user.memberships.some((m) => m.countryCode !== null && leadsCountry(actor, m.countryCode)),
  'user.invite': (actor: Actor, grant: Grant) => mayGrant(actor, grant),
  'user.update': (actor: Actor, user: UserSubject) => mayManage(actor, user),
  'user.resetPassword': (actor: Actor, user: UserSubject) => mayManage(actor, user),
  'membership.create': (actor: Actor, grant: Grant) => mayGrant(actor, grant),
  'membership.delete': (actor: Actor, grant: Grant) => mayGrant(actor, grant),
}
