import type { Notification, NotificationKind, NotificationListQuery } from '@thbm/shared'
import { type Actor, visibleCountries } from '../../actor.ts'
import type { Database } from '../../db/database.ts'

/** The actor's own notifications about countries the actor can see (null: none at all). */
function baseQuery(db: Database, actor: Actor) {
  const visible = visibleCountries(actor)
  if (visible !== 'all' && visible.size === 0) return null
  let q = db
    .selectFrom('notifications as n')
    .innerJoin('rounds', 'rounds.id', 'n.roundId')
    .leftJoin('organisations', 'organisations.id', 'n.organisationId')
    .leftJoin('users as actor', 'actor.id', 'n.actorId')
    .where('n.userId', '=', actor.id)
  if (visible !== 'all') q = q.where('n.countryCode', 'in', [...visible])
  return q
}

/**
 * The actor's notifications, newest first. Notifications about a country the actor can no longer see (a membership
 * was removed) are left out in the query itself, so nothing leaks after access ends and paging stays whole.
 */
export async function listNotifications(
  db: Database,
  actor: Actor,
  query: NotificationListQuery,
): Promise<{ data: Notification[]; unread: number }> {
  const base = baseQuery(db, actor)
  if (!base) return { data: [], unread: 0 }
  let q = base.select([
    'n.id',
    'n.kind',
    'n.roundId',
    'rounds.name as roundName',
    'n.countryCode',
    'n.indicatorCode',
    'n.organisationId',
    'organisations.name as organisationName',
    'n.actorId',
    'actor.name as actorName',
    'n.role',
    'n.comment',
    'n.dueOn',
    'n.createdAt',
    'n.readAt',
  ])
  if (query.unread === 'true') q = q.where('n.readAt', 'is', null)
  if (query.before) q = q.where('n.id', '<', query.before)
  const rows = await q.orderBy('n.id', 'desc').limit(query.limit).execute()
  const unread = await base
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('n.readAt', 'is', null)
    .executeTakeFirstOrThrow()
  const data = rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    round: { id: r.roundId, name: r.roundName },
    countryCode: r.countryCode,
    indicatorCode: r.indicatorCode,
    organisation: r.organisationId && r.organisationName ? { id: r.organisationId, name: r.organisationName } : null,
    actor: r.actorId && r.actorName ? { id: r.actorId, name: r.actorName } : null,
    comment: r.comment,
    dueOn: r.dueOn,
    role: r.role === 'provider' ? ('provider' as const) : r.role === 'expert' ? ('expert' as const) : null,
    createdAt: r.createdAt,
    readAt: r.readAt,
  }))
  return { data, unread: Number(unread.count) }
}
