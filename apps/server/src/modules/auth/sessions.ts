import type { Role } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Config } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { nowIso } from '../../ids.ts'
import { hashSecret, newSecret } from './tokens.ts'

export const SESSION_COOKIE = 'thbm_session'
const TOUCH_EVERY_MS = 60_000

/** Creates a session row and returns the cookie token (only its hash is stored). */
export async function createSession(
  trx: Trx,
  config: Pick<Config, 'sessionAbsoluteMs'>,
  input: { userId: string; userAgent: string | null; ip: string | null },
): Promise<{ token: string; id: string; expiresAt: string }> {
  const { token, id } = newSecret()
  const now = nowIso()
  const expiresAt = new Date(Date.now() + config.sessionAbsoluteMs).toISOString()
  await trx
    .insertInto('sessions')
    .values({
      id,
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: input.userAgent,
      ip: input.ip,
    })
    .execute()
  return { token, id, expiresAt }
}

/** Loads the actor behind a session token; null when the session is unknown, expired, idle too long or the user inactive. */
export async function findActorBySession(
  db: Database,
  config: Pick<Config, 'sessionIdleMs'>,
  token: string,
): Promise<{ actor: Actor; sessionId: string } | null> {
  const id = hashSecret(token)
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      'users.id as userId',
      'users.email',
      'users.name',
      'users.active',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const now = Date.now()
  const idleFor = now - Date.parse(row.lastSeenAt)
  if (row.active !== 1 || Date.parse(row.expiresAt) <= now || idleFor > config.sessionIdleMs) {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return null
  }
  if (idleFor > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ lastSeenAt: nowIso() }).where('id', '=', id).execute()
  }
  return { sessionId: id, actor: await actorWithMemberships(db, { id: row.userId, email: row.email, name: row.name }) }
}

async function actorWithMemberships(
  db: Database | Trx,
  user: { id: string; email: string; name: string },
): Promise<Actor> {
  const memberships = await db
    .selectFrom('memberships')
    .select(['role', 'countryCode', 'organisationId'])
    .where('userId', '=', user.id)
    .execute()
  return {
    ...user,
    memberships: memberships.map((m) => ({
      role: m.role as Role,
      countryCode: m.countryCode,
      organisationId: m.organisationId,
    })),
  }
}

/** The actor for a user id (after sign-in, when there is no session cookie on the request yet). */
export async function loadActor(db: Database | Trx, userId: string): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  return actorWithMemberships(db, user)
}
