import type { Me, Membership, MeResponse, Role } from '@thbm/shared'

/**
 * Client-side mirrors of the server's policies, used only to hide controls the user cannot use.
 * The server stays the gate: a hidden button is a convenience, never the protection.
 */
export const hasAbility = (me: MeResponse | null | undefined, ability: string): boolean =>
  Boolean(me?.abilities.includes(ability))

export const isAdmin = (me: Me): boolean => me.memberships.some((m) => m.role === 'admin')

/** Countries where the user is country lead. */
export function ledCountries(me: Me): string[] {
  return me.memberships.filter((m) => m.role === 'country_lead' && m.countryCode).map((m) => m.countryCode as string)
}

export const leadsCountry = (me: Me, code: string | null): boolean =>
  isAdmin(me) || (code !== null && ledCountries(me).includes(code))

const LEAD_GRANTABLE: readonly Role[] = ['country_lead', 'expert', 'data_provider', 'observer']

/** Whether the user may give this role in this scope (invite, add or remove a membership). */
export function mayGrant(me: Me, grant: Pick<Membership, 'role' | 'countryCode'>): boolean {
  if (isAdmin(me)) return true
  return grant.countryCode !== null && LEAD_GRANTABLE.includes(grant.role) && leadsCountry(me, grant.countryCode)
}

/** Roles the user may give to others. */
export function grantableRoles(me: Me, all: readonly Role[]): Role[] {
  return isAdmin(me) ? [...all] : all.filter((r) => LEAD_GRANTABLE.includes(r))
}
