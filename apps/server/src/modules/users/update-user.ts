import type { UpdateUserBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { fromBool, toBool } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { UserWithMemberships } from './users.queries.ts'

/** Renames, deactivates or reactivates a user (version-checked). Deactivation ends the user's sessions. */
export async function updateUser(
  trx: Trx,
  ctx: RequestContext,
  user: UserWithMemberships,
  body: UpdateUserBody,
): Promise<void> {
  assertVersion(user.version, body.version)
  const before = { name: user.name, active: toBool(user.active) }
  const after = { name: body.name ?? before.name, active: body.active ?? before.active }
  const res = await trx
    .updateTable('users')
    .set({ name: after.name, active: fromBool(after.active), updatedAt: nowIso(), version: user.version + 1 })
    .where('id', '=', user.id)
    .where('version', '=', body.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  if (!after.active) await trx.deleteFrom('sessions').where('userId', '=', user.id).execute()
  await recordAudit(trx, ctx, {
    action: 'user.updated',
    subjectType: 'user',
    subjectId: user.id,
    countryCode: user.memberships.find((m) => m.countryCode)?.countryCode ?? null,
    before,
    after,
  })
}
