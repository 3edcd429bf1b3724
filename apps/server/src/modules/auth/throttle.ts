import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { nowIso } from '../../ids.ts'

type LoginLimits = Config['login']

export const accountKey = (email: string) => `account:${email.toLowerCase()}`
export const ipKey = (ip: string) => `ip:${ip}`

/**
 * Refuses a login attempt (429) while an account or an IP address has too many recent failures.
 * Failures are rows, so every app instance sharing the database enforces the same limit.
 */
export async function assertNotThrottled(db: Database, limits: LoginLimits, email: string, ip: string): Promise<void> {
  const cutoff = new Date(Date.now() - limits.lockMs).toISOString()
  const rows = await db
    .selectFrom('loginFailures')
    .select(['key', 'failures', 'lastAt'])
    .where('key', 'in', [accountKey(email), ipKey(ip)])
    .where('lastAt', '>', cutoff)
    .execute()
  for (const row of rows) {
    const max = row.key.startsWith('ip:') ? limits.maxFailuresPerIp : limits.maxFailures
    if (row.failures >= max) {
      const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(row.lastAt) + limits.lockMs - Date.now()) / 1000))
      throw new AppError('rate_limited', 'Too many failed sign-in attempts. Try again later.', { retryAfterSeconds })
    }
  }
}

/** Counts one failed attempt against the account and the IP; a failure older than the lock window starts over. */
export async function recordLoginFailure(db: Database, limits: LoginLimits, email: string, ip: string): Promise<void> {
  const now = nowIso()
  const cutoff = new Date(Date.now() - limits.lockMs).toISOString()
  for (const key of [accountKey(email), ipKey(ip)]) {
    await db
      .insertInto('loginFailures')
      .values({ key, failures: 1, firstAt: now, lastAt: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when login_failures.last_at <= ${cutoff} then 1 else login_failures.failures + 1 end`,
          firstAt: sql`case when login_failures.last_at <= ${cutoff} then ${now} else login_failures.first_at end`,
          lastAt: now,
        }),
      )
      .execute()
  }
}

export async function clearLoginFailures(trx: Trx, email: string): Promise<void> {
  await trx.deleteFrom('loginFailures').where('key', '=', accountKey(email)).execute()
}

/**
 * Verifies a password outside any transaction, counting a wrong one against the account's and the address's
 * sign-in limits (429 once locked), so no form that takes a password can be used to guess it without limit.
 */
export async function verifyPasswordThrottled(
  db: Database,
  limits: LoginLimits,
  input: { email: string; ip: string },
  verify: () => Promise<boolean>,
): Promise<boolean> {
  await assertNotThrottled(db, limits, input.email, input.ip)
  if (await verify()) return true
  await recordLoginFailure(db, limits, input.email, input.ip)
  return false
}
