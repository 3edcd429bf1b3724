import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { recordAudit } from '../audit/record-audit.ts'

/** Ends one session. */
export async function signOut(trx: Trx, ctx: RequestContext, sessionId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute()
  if (ctx.actor) {
    await recordAudit(trx, ctx, { action: 'user.signedOut', subjectType: 'user', subjectId: ctx.actor.id })
  }
}
