import type { Role } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { type Actor, isAdmin, ledCountries } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'

/** Pending (unused, unexpired) invitations the actor manages: all for admins, their countries' for country leads. */
export async function findPendingInvitations(db: Database, actor: Actor) {
  let query = db
    .selectFrom('oneTimeTokens')
    .leftJoin('users', 'users.id', 'oneTimeTokens.createdBy')
    .select([
      'oneTimeTokens.id',
      'oneTimeTokens.email',
      'oneTimeTokens.role',
      'oneTimeTokens.countryCode',
      'oneTimeTokens.createdAt',
      'oneTimeTokens.expiresAt',
      'users.name as createdByName',
    ])
    .where('oneTimeTokens.kind', '=', 'invitation')
    .where('oneTimeTokens.usedAt', 'is', null)
    .where('oneTimeTokens.expiresAt', '>', nowIso())
    .orderBy('oneTimeTokens.createdAt', 'desc')
  const led = ledCountries(actor)
  if (led !== 'all') {
    if (led.size === 0) return []
    query = query.where('oneTimeTokens.countryCode', 'in', [...led])
  }
  const rows = await query.execute()
  return rows.map((r) => ({ ...r, role: r.role as Role }))
}

/** Withdraws a pending invitation so its link stops working. */
export async function revokeInvitation(trx: Trx, ctx: RequestContext, actor: Actor, id: string): Promise<void> {
  const row = await trx
    .selectFrom('oneTimeTokens')
    .select(['id', 'countryCode', 'email', 'role'])
    .where('id', '=', id)
    .where('kind', '=', 'invitation')
    .where('usedAt', 'is', null)
    .executeTakeFirst()
  const led = ledCountries(actor)
  const visible = row && (isAdmin(actor) || (led !== 'all' && row.countryCode !== null && led.has(row.countryCode)))
  if (!row || !visible) throw notFound('Invitation not found')
  await trx.updateTable('oneTimeTokens').set({ usedAt: nowIso() }).where('id', '=', id).execute()
  await recordAudit(trx, ctx, {
    action: 'invitation.revoked',
    subjectType: 'invitation',
    subjectId: id,
    countryCode: row.countryCode,
    before: { email: row.email, role: row.role },
  })
}
