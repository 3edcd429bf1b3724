import type { Role } from '@thbm/shared'
import type { Config } from '../../config.ts'
import type { Trx } from '../../db/transaction.ts'
import { validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { addMembership } from '../users/grants.ts'
import { getUsableLinkOrThrow, markLinkUsed } from './one-time-links.ts'
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './passwords.ts'
import { createSession } from './sessions.ts'

export interface AcceptInvitationInput {
  token: string
  name: string
  /** A new password, or the current password when the invited email already has an account. */
  password: string
  ip: string
  userAgent: string | null
  requestId: string
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
    if (existing.active !== 1 || !(await verifyPassword(existing.passwordHash, input.password))) {
      throw validationFailed([
        { path: 'body.password', message: 'An account with this email exists: enter its current password' },
      ])
    }
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
