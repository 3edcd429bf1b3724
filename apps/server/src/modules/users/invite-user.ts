import type { CreateInvitationBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Config } from '../../config.ts'
import type { Trx } from '../../db/transaction.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { linkUrl } from '../auth/one-time-links.ts'
import { newSecret } from '../auth/tokens.ts'
import { assertValidGrant } from './grants.ts'

/**
 * Creates a one-time invitation link for an email and a role. The answer is the same whether or not the email
 * already has an account (no enumeration); accepting it then adds the role to that account.
 */
export async function inviteUser(trx: Trx, ctx: RequestContext, config: Readonly<Config>, body: CreateInvitationBody) {
  await assertValidGrant(trx, body)
  const { token, id } = newSecret()
  const now = nowIso()
  const expiresAt = new Date(Date.now() + config.invitationTtlMs).toISOString()
  const email = body.email.trim().toLowerCase()
  await trx
    .insertInto('oneTimeTokens')
    .values({
      id,
      kind: 'invitation',
      email,
      userId: null,
      name: body.name ?? null,
      role: body.role,
      countryCode: body.countryCode,
      organisationId: body.organisationId,
      createdBy: ctx.actor?.id ?? null,
      createdAt: now,
      expiresAt,
      usedAt: null,
    })
    .execute()
  await recordAudit(trx, ctx, {
    action: 'invitation.created',
    subjectType: 'invitation',
    subjectId: id,
    countryCode: body.countryCode,
    after: { email, role: body.role, countryCode: body.countryCode, organisationId: body.organisationId, expiresAt },
  })
  return { link: linkUrl(config, 'invitation', token), expiresAt }
}
