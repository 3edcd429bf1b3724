import type { RequestContext } from '../../actor.ts'
import type { Config } from '../../config.ts'
import type { Trx } from '../../db/transaction.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { linkUrl } from '../auth/one-time-links.ts'
import { newSecret } from '../auth/tokens.ts'

/** Creates a one-time password-reset link for a user; earlier unused reset links of that user stop working. */
export async function createPasswordReset(
  trx: Trx,
  ctx: RequestContext,
  config: Readonly<Config>,
  user: { id: string; email: string; countryCode: string | null },
) {
  const { token, id } = newSecret()
  const now = nowIso()
  const expiresAt = new Date(Date.now() + config.resetTtlMs).toISOString()
  await trx
    .updateTable('oneTimeTokens')
    .set({ usedAt: now })
    .where('kind', '=', 'password_reset')
    .where('userId', '=', user.id)
    .where('usedAt', 'is', null)
    .execute()
  await trx
    .insertInto('oneTimeTokens')
    .values({
      id,
      kind: 'password_reset',
      email: user.email,
      userId: user.id,
      name: null,
      role: null,
      countryCode: null,
      organisationId: null,
      createdBy: ctx.actor?.id ?? null,
      createdAt: now,
      expiresAt,
      usedAt: null,
    })
    .execute()
  await recordAudit(trx, ctx, {
    action: 'passwordReset.created',
    subjectType: 'user',
    subjectId: user.id,
    countryCode: user.countryCode,
    after: { expiresAt },
  })
  return { link: linkUrl(config, 'password_reset', token), expiresAt }
}
