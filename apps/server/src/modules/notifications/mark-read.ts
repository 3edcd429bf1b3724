import type { MarkNotificationsReadBody } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { nowIso } from '../../ids.ts'

/**
 * Marks the actor's own notifications read (the given ones, or all). Ids of other people's notifications are
 * ignored, not reported, so they reveal nothing. Not audited: it is the reader's inbox state (decision 0007).
 */
export async function markRead(trx: Trx, actor: Actor, body: MarkNotificationsReadBody): Promise<void> {
  let q = trx
    .updateTable('notifications')
    .set({ readAt: nowIso() })
    .where('userId', '=', actor.id)
    .where('readAt', 'is', null)
  if ('ids' in body) q = q.where('id', 'in', body.ids)
  await q.execute()
}
