import type { UpdateProfileBody } from '@thbm/shared'
import type { Actor, RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'

/** The actor edits their own name and preferred language. */
export async function updateProfile(
  trx: Trx,
  ctx: RequestContext,
  actor: Actor,
  body: UpdateProfileBody,
): Promise<void> {
  const before = await trx
    .selectFrom('users')
    .select(['name', 'locale'])
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow()
  const after = { name: body.name ?? before.name, locale: body.locale === undefined ? before.locale : body.locale }
  if (after.name === before.name && after.locale === before.locale) return
  await trx
    .updateTable('users')
    .set((eb) => ({ ...after, updatedAt: nowIso(), version: eb('version', '+', 1) }))
    .where('id', '=', actor.id)
    .execute()
  await recordAudit(trx, ctx, {
    action: 'user.profileUpdated',
    subjectType: 'user',
    subjectId: actor.id,
    before,
    after,
  })
}
