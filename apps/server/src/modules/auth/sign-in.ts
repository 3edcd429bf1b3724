import type { Config } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { verifyPassword } from './passwords.ts'
import { createSession } from './sessions.ts'
import { assertNotThrottled, clearLoginFailures, recordLoginFailure } from './throttle.ts'

export interface SignInInput {
  email: string
  password: string
  ip: string
  userAgent: string | null
  requestId: string
}

/**
 * Checks the credentials and opens a session. Unknown email, wrong password and inactive account all get the same
 * answer after the same work, so the response tells nothing about which accounts exist.
 */
export async function signIn(db: Database, config: Readonly<Config>, input: SignInInput) {
  const email = input.email.trim().toLowerCase()
  await assertNotThrottled(db, config.login, email, input.ip)
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'passwordHash', 'active'])
    .where('email', '=', email)
    .executeTakeFirst()
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password)
  if (!user || !ok || user.active !== 1) {
    await recordLoginFailure(db, config.login, email, input.ip)
    throw new AppError('unauthenticated', 'The email or password is not correct')
  }
  return withTransaction(db, async (trx) => {
    await clearLoginFailures(trx, email)
    const session = await createSession(trx, config, { userId: user.id, userAgent: input.userAgent, ip: input.ip })
    await trx.updateTable('users').set({ lastLoginAt: nowIso() }).where('id', '=', user.id).execute()
    await recordAudit(
      trx,
      { actor: { id: user.id, email: user.email, name: '', memberships: [] }, requestId: input.requestId },
      { action: 'user.signedIn', subjectType: 'user', subjectId: user.id, after: { ip: input.ip } },
    )
    return { ...session, userId: user.id }
  })
}
