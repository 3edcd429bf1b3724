import type { User } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import { toBool } from '../../db/portable.ts'
import { abilitiesFor } from '../../policies.ts'
import { toSubject, type UserWithMemberships } from './users.queries.ts'

/** The user as the API shows it: an allow-list of fields, never the password hash. */
export function presentUser(actor: Actor, user: UserWithMemberships): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    active: toBool(user.active),
    locale: user.locale as User['locale'],
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    version: user.version,
    memberships: user.memberships,
    abilities: abilitiesFor(actor, ['user.update', 'user.resetPassword'], toSubject(user)),
  }
}
