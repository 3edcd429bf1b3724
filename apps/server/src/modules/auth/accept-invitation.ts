import type { Role } from '@thbm/shared'
import type { Config } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { addMembership } from '../users/grants.ts'
import { getUsableLinkOrThrow, markLinkUsed } from './one-time-links.ts'
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './passwords.ts'
import { createSession } from './sessions.ts'
import { verifyPasswordThrottled } from './throttle.ts'

export interface AcceptInvitationInput {
  token: string
  name: string
  /** A new password, or the current password when the invited email already has an account. */
  password: string
  ip: string
  userAgent: string | null
  requestId: string
}

const wrongPassword = () =>
  validationFailed([
    { path: 'body.password', message: 'An account with this email exists: enter its current password' },
  ])

/**
 * Checks the password when the invitation names an existing account. It runs before the transaction so that a wrong
 * guess counts against the sign-in limit like a failed login (and survives the rollback): otherwise whoever holds an
 * invitation could guess the account's password without limit.
 */
export async function assertInvitationPassword(
  db: Database,
  config: Readonly<Config>,
  input: { token: string; password: string; ip: string },
): Promise<void> {
  const link = await getUsableLinkOrThrow(db, 'invitation', input.token)
  const existing = await db
    .selectFrom('users')
    .select(['passwordHash', 'active'])
    .where('email', '=', link.email)
    .executeTakeFirst()
  if (!existing) return
  const ok = await verifyPasswordThrottled(db, config.login, { email: link.email, ip: input.ip }, async () => {
    return existing.active === 1 && (await verifyPassword(existing.passwordHash, input.password))
  })
  if (!ok) throw wrongPassword()
}

/**
 * Turns an invitation into an account (or a new role on the account that owns the email), then signs the person in.
 */
export async function acceptInvitation(trx: Trx, config: Readonly<Config>, input: AcceptInvitationInput) {
  const link = await getUsableLinkOrThrow(trx, 'invitation', input.token)
  const now = nowIso()
  const existing = await trx
    .selectFrom('users')
    .select(['id', 'passwordHash', 'active'])
    .where('email', '=', link.email)
    .executeTakeFirst()
  let userId: string
  if (existing) {
    if (existing.active !== 1 || !(await verifyPassword(existing.passwordHash, input.password))) throw wrongPassword()
    userId = existing.id
  } else {
    assertPasswordAcceptable(input.password, link.email, 'body.password')
    userId = newId()
    await trx
      .insertInto('users')
      .values({
        id: userId,
        email: link.email,
        name: input.name,
        passwordHash: await hashPassword(input.password),
        locale: null,
        active: 1,
        isDemo: 0,
        version: 1,
        createdAt: now,
        updatedAt: now,
        lastLoginAt: now,
      })
      .execute()
  }
  const ctx = {
    actor: { id: userId, email: link.email, name: input.name, memberships: [] },
    requestId: input.requestId,
  }
  if (!existing) {
    await recordAudit(trx, ctx, {
      action: 'user.created',
      subjectType: 'user',
      subjectId: userId,
      countryCode: link.countryCode,
      after: { email: link.email, name: input.name },
    })
  }
  await markLinkUsed(trx, link.id)
  await recordAudit(trx, ctx, {
    action: 'invitation.accepted',
    subjectType: 'invitation',
    subjectId: link.id,
    countryCode: link.countryCode,
  })
  await addMembership(trx, ctx, userId, {
    role: link.role as Role,
    countryCode: link.countryCode,
    organisationId: link.organisationId,
  })
  const session = await createSession(trx, config, { userId, userAgent: input.userAgent, ip: input.ip })
  return { ...session, userId }
}
