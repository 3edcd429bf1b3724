import type { Membership, Role, UserListQuery } from '@thbm/shared'
import { type Actor, hasRole, isAdmin, ledCountries } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import type { UserSubject } from './users.policy.ts'

const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'active',
  'locale',
  'isDemo',
  'lastLoginAt',
  'createdAt',
  'version',
] as const

export interface UserRow {
  id: string
  email: string
  name: string
  active: number
  locale: string | null
  isDemo: number
  lastLoginAt: string | null
  createdAt: string
  version: number
}
export type UserWithMemberships = UserRow & { memberships: Membership[] }

/** Memberships of the given users, with organisation names, grouped by user id. */
export async function loadMemberships(db: Database | Trx, userIds: string[]): Promise<Map<string, Membership[]>> {
  const byUser = new Map<string, Membership[]>()
  if (userIds.length === 0) return byUser
  const rows = await db
    .selectFrom('memberships')
    .leftJoin('organisations', 'organisations.id', 'memberships.organisationId')
    .select([
      'memberships.id',
      'memberships.userId',
      'memberships.role',
      'memberships.countryCode',
      'memberships.organisationId',
      'organisations.name as organisationName',
    ])
    .where('memberships.userId', 'in', userIds)
    .orderBy('memberships.createdAt')
    .execute()
  for (const r of rows) {
    const list = byUser.get(r.userId) ?? []
    list.push({
      id: r.id,
      role: r.role as Role,
      countryCode: r.countryCode,
      organisationId: r.organisationId,
      organisationName: r.organisationName,
    })
    byUser.set(r.userId, list)
  }
  return byUser
}

async function withMemberships(db: Database | Trx, rows: UserRow[]): Promise<UserWithMemberships[]> {
  const memberships = await loadMemberships(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({ ...r, memberships: memberships.get(r.id) ?? [] }))
}

export function toSubject(user: UserWithMemberships): UserSubject {
  return { id: user.id, memberships: user.memberships.map((m) => ({ role: m.role, countryCode: m.countryCode })) }
}

/** One user, or 404 when it does not exist or the actor may not see it. */
export async function getUserOrThrow(db: Database | Trx, id: string, canRead: (u: UserSubject) => boolean) {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('User not found')
  const [user] = await withMemberships(db, [row])
  if (!user || !canRead(toSubject(user))) throw notFound('User not found')
  return user
}

/**
 * Users the actor may list: everyone for admins and regional coordinators; for a country lead, the people who hold
 * a membership in a country they lead. The scope is applied in SQL.
 */
export async function findUsersForActor(
  db: Database,
  actor: Actor,
  filter: UserListQuery,
): Promise<UserWithMemberships[]> {
  let query = db.selectFrom('users').select(USER_COLUMNS).orderBy('name').orderBy('id')
  const allVisible = isAdmin(actor) || hasRole(actor, 'regional_coordinator')
  const led = ledCountries(actor)
  const scope = allVisible || led === 'all' ? null : [...led]
  if (scope !== null && scope.length === 0) return []
  if (filter.country && scope !== null && !scope.includes(filter.country)) throw notFound('Country not found')
  if (scope !== null || filter.country || filter.role) {
    query = query.where('id', 'in', (eb) => {
      let sub = eb.selectFrom('memberships').select('userId')
      if (scope !== null) sub = sub.where('countryCode', 'in', scope)
      if (filter.country) sub = sub.where('countryCode', '=', filter.country)
      if (filter.role) sub = sub.where('role', '=', filter.role)
      return sub
    })
  }
  if (filter.q) {
    // Wildcards typed by the user are dropped rather than escaped: LIKE escaping differs between the engines.
    const q = `%${filter.q.toLowerCase().replace(/[%_\\]/g, '')}%`
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['name']), 'like', q), eb(eb.fn('lower', ['email']), 'like', q)]),
    )
  }
  return withMemberships(db, await query.limit(1000).execute())
}
