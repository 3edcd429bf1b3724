import type { NotificationKind } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { newId, nowIso } from '../../ids.ts'

export interface NotificationInput {
  userIds: string[]
  kind: NotificationKind
  roundId: string
  countryCode: string
  indicatorCode?: string | null
  organisationId?: string | null
  role?: 'provider' | 'expert' | null
  comment?: string | null
  dueOn?: string | null
  /** Reminders only: the same key is never delivered twice to one reader. */
  dedupeKey?: string | null
}

/**
 * Writes one notification per reader inside the caller's transaction, so it exists exactly when the change it tells
 * of was committed. The person who acted is not told of their own action. E-mail delivery is left to the outbox.
 */
export async function notify(trx: Trx, ctx: RequestContext | null, input: NotificationInput): Promise<number> {
  const actorId = ctx?.actor?.id ?? null
  const readers = [...new Set(input.userIds)].filter((id) => id !== actorId)
  if (readers.length === 0) return 0
  const now = nowIso()
  const rows = readers.map((userId) => ({
    id: newId(),
    userId,
    kind: input.kind,
    roundId: input.roundId,
    countryCode: input.countryCode,
    indicatorCode: input.indicatorCode ?? null,
    organisationId: input.organisationId ?? null,
    actorId,
    role: input.role ?? null,
    comment: input.comment ?? null,
    dueOn: input.dueOn ?? null,
    dedupeKey: input.dedupeKey ?? null,
    createdAt: now,
    readAt: null,
    emailStatus: 'pending',
    emailedAt: null,
  }))
  const res = await trx
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['userId', 'dedupeKey']).doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0)
}

/**
 * The people who answer for an organisation on an indicator: the person named in the assignment when there is one,
 * otherwise every active data provider of the organisation.
 */
export async function providerReaders(
  trx: Trx | Database,
  organisationId: string,
  namedUserId: string | null,
): Promise<string[]> {
  let query = trx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select('users.id')
    .where('memberships.role', '=', 'data_provider')
    .where('memberships.organisationId', '=', organisationId)
    .where('users.active', '=', 1)
  if (namedUserId) query = query.where('users.id', '=', namedUserId)
  return (await query.execute()).map((r) => r.id)
}
