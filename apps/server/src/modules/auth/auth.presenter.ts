import type { Me, MeResponse } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { toBool } from '../../db/portable.ts'
import { can } from '../../policies.ts'
import { loadMemberships } from '../users/users.queries.ts'

/** What the signed-in user may do anywhere, so the web app can show the matching navigation. */
export function globalAbilities(actor: Actor): string[] {
  const abilities: string[] = []
  if (can(actor, 'user.list', null)) abilities.push('user.list')
  if (can(actor, 'audit.read', null)) abilities.push('audit.read')
  const countries = new Set(actor.memberships.map((m) => m.countryCode).filter((c): c is string => c !== null))
  const scopes = countries.size > 0 ? [...countries] : ['*']
  if (
    scopes.some((c) => can(actor, 'user.invite', { role: 'expert', countryCode: c === '*' ? null : c })) ||
    can(actor, 'user.invite', { role: 'admin', countryCode: null })
  ) {
    abilities.push('user.invite')
  }
  if (can(actor, 'country.update', { code: '*' })) abilities.push('country.update')
  if (can(actor, 'framework.edit', null)) abilities.push('framework.import')
  if (can(actor, 'round.manage', null)) abilities.push('round.create')
  return abilities
}

export async function presentMe(db: Database, actor: Actor): Promise<MeResponse> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'isDemo'])
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow()
  const memberships = (await loadMemberships(db, [actor.id])).get(actor.id) ?? []
  const data: Me = {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale as Me['locale'],
    memberships,
    isDemo: toBool(user.isDemo),
  }
  return { data, abilities: globalAbilities(actor) }
}
