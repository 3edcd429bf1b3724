import type { Actor, RequestContext } from '../../actor.ts'
import type { Config } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { validationFailed } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './passwords.ts'
import { verifyPasswordThrottled } from './throttle.ts'

export interface ChangePasswordInput {
  actor: Actor
  /** The session that asks: it stays signed in; every other session of the user ends. */
  sessionId: string
  currentPassword: string
  newPassword: string
}

const wrongCurrent = () =>
  validationFailed([{ path: 'body.currentPassword', message: 'The current password is not correct' }])

/** Checks the current password before the change's transaction; wrong guesses count against the sign-in limits. */
export async function assertCurrentPassword(
  db: Database,
  config: Readonly<Config>,
  actor: Actor,
  password: string,
  ip: string,
): Promise<void> {
  const user = await db.selectFrom('users').select('passwordHash').where('id', '=', actor.id).executeTakeFirstOrThrow()
  const ok = await verifyPasswordThrottled(db, config.login, { email: actor.email, ip }, () =>
    verifyPassword(user.passwordHash, password),
  )
  if (!ok) throw wrongCurrent()
}

/** Changes the actor's own password after checking the current one. */
export async function changePassword(trx: Trx, ctx: RequestContext, input: ChangePasswordInput): Promise<void> {
  const user = await trx
    .selectFrom('users')
    .select(['passwordHash', 'email'])
    .where('id', '=', input.actor.id)
    .executeTakeFirstOrThrow()
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw wrongCurrent()
  }
  assertPasswordAcceptable(input.newPassword, user.email, 'body.newPassword')
  const now = nowIso()
  const passwordHash = await hashPassword(input.newPassword)
  await trx
    .updateTable('users')
    .set((eb) => ({ passwordHash, updatedAt: now, version: eb('version', '+', 1) }))
    .where('id', '=', input.actor.id)
    .execute()
  await trx.deleteFrom('sessions').where('userId', '=', input.actor.id).where('id', '!=', input.sessionId).execute()
  await recordAudit(trx, ctx, { action: 'user.passwordChanged', subjectType: 'user', subjectId: input.actor.id })
}
