import type { Trx } from '../../db/transaction.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { getUsableLinkOrThrow, markLinkUsed } from './one-time-links.ts'
import { assertPasswordAcceptable, hashPassword } from './passwords.ts'

/** Sets a new password from a reset link; every session of the user ends. */
export async function completePasswordReset(
  trx: Trx,
  input: { token: string; password: string; requestId: string },
): Promise<void> {
  const link = await getUsableLinkOrThrow(trx, 'password_reset', input.token)
  // Links belong to their user (deleted with it), so the user is there.
  const user = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('id', '=', link.userId ?? '')
    .executeTakeFirstOrThrow()
  assertPasswordAcceptable(input.password, user.email, 'body.password')
  const passwordHash = await hashPassword(input.password)
  await trx
    .updateTable('users')
    .set((eb) => ({ passwordHash, updatedAt: nowIso(), version: eb('version', '+', 1) }))
    .where('id', '=', user.id)
    .execute()
  await trx.deleteFrom('sessions').where('userId', '=', user.id).execute()
  await markLinkUsed(trx, link.id)
  await recordAudit(
    trx,
    { actor: { id: user.id, email: user.email, name: user.name, memberships: [] }, requestId: input.requestId },
    { action: 'user.passwordReset', subjectType: 'user', subjectId: user.id },
  )
}
