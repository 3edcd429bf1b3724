import type { Role } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Config } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { nowIso } from '../../ids.ts'
import type { SessionCache } from './session-cache.ts'
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

/** A per-process cache of signed-in actors and the setup generation of this request (session-cache.ts). */
export interface CachedLookup {
  cache: SessionCache
  generation: string
}

/**
 * Loads the actor behind a session token; null when the session is unknown, expired, idle too long or the user
 * inactive. With `cached`, a session read at the same setup generation is taken from the cache (no query).
 */
export async function findActorBySession(
  db: Database,
  config: Pick<Config, 'sessionIdleMs'>,
  token: string,
  cached?: CachedLookup,
): Promise<{ actor: Actor; sessionId: string } | null> {
  const id = hashSecret(token)
  const now = Date.now()
  const hit = cached?.cache.get(id, cached.generation, now, config.sessionIdleMs)
  if (hit) {
    if (now - hit.lastSeenMs > TOUCH_EVERY_MS) {
      await touchSession(db, id)
      cached?.cache.touched(id, now)
    }
    return { sessionId: id, actor: hit.actor }
  }
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
  const idleFor = now - Date.parse(row.lastSeenAt)
  if (row.active !== 1 || Date.parse(row.expiresAt) <= now || idleFor > config.sessionIdleMs) {
    cached?.cache.delete(id)
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return null
  }
  const touched = idleFor > TOUCH_EVERY_MS
  if (touched) await touchSession(db, id)
  const actor = await actorWithMemberships(db, { id: row.userId, email: row.email, name: row.name })
  cached?.cache.set(id, {
    actor,
    generation: cached.generation,
    lastSeenMs: touched ? now : Date.parse(row.lastSeenAt),
    expiresMs: Date.parse(row.expiresAt),
  })
  return { sessionId: id, actor }
}

/** Writes the last-seen time (outside any transaction: it changes no data other reads depend on). */
async function touchSession(db: Database, id: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: nowIso() }).where('id', '=', id).execute()
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
