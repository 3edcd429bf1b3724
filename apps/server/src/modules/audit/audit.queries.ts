import type { AuditEvent, AuditQuery } from '@thbm/shared'
import { type Actor, hasRole, isAdmin, ledCountries } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import { notFound } from '../../errors.ts'
import { can } from '../../policies.ts'

/** Audit events, newest first, in the actor's scope (all, or the countries they lead), filtered and paged by seq. */
export async function findAuditEvents(
  db: Database,
  actor: Actor,
  filter: AuditQuery,
): Promise<{ data: AuditEvent[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('auditEvents')
    .leftJoin('users', 'users.id', 'auditEvents.actorId')
    .select([
      'auditEvents.id',
      'auditEvents.seq',
      'auditEvents.at',
      'auditEvents.actorId',
      'auditEvents.action',
      'auditEvents.subjectType',
      'auditEvents.subjectId',
      'auditEvents.countryCode',
      'auditEvents.summary',
      'auditEvents.requestId',
      'users.email as actorEmail',
      'users.name as actorName',
    ])
    .orderBy('auditEvents.seq', 'desc')
    .limit(filter.limit + 1)
  const seesAll = isAdmin(actor) || hasRole(actor, 'regional_coordinator', null)
  if (!seesAll) {
    const led = ledCountries(actor)
    const countries = led === 'all' ? [] : [...led]
    query = query.where('auditEvents.countryCode', 'in', countries.length ? countries : [''])
  }
  if (filter.country) {
    if (!can(actor, 'audit.read', { countryCode: filter.country })) throw notFound('Country not found')
    query = query.where('auditEvents.countryCode', '=', filter.country)
  }
  if (filter.userId) query = query.where('auditEvents.actorId', '=', filter.userId)
  if (filter.action) query = query.where('auditEvents.action', '=', filter.action)
  if (filter.subjectType) query = query.where('auditEvents.subjectType', '=', filter.subjectType)
  if (filter.subjectId) query = query.where('auditEvents.subjectId', '=', filter.subjectId)
  if (filter.from) query = query.where('auditEvents.at', '>=', `${filter.from}T00:00:00.000Z`)
  if (filter.to) query = query.where('auditEvents.at', '<=', `${filter.to}T23:59:59.999Z`)
  if (filter.before && /^\d+$/.test(filter.before)) query = query.where('auditEvents.seq', '<', Number(filter.before))
  const rows = await query.execute()
  const page = rows.slice(0, filter.limit)
  return {
    data: page.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actorId ? { id: r.actorId, email: r.actorEmail ?? '', name: r.actorName ?? '' } : null,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      countryCode: r.countryCode,
      summary: parseJson<AuditEvent['summary']>(r.summary, {}),
      requestId: r.requestId,
    })),
    nextCursor: rows.length > filter.limit ? String(page[page.length - 1]?.seq) : null,
  }
}
