import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { conflict } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { assertPasswordAcceptable, hashPassword } from '../auth/passwords.ts'
import { addMembership, assertValidGrant, type GrantInput } from './grants.ts'

export interface CreateUserInput extends GrantInput {
  email: string
  name: string
  /** Without a password the account cannot sign in until a reset link sets one. */
  password?: string
}

/** Creates an account with its first role (an operator's action, e.g. from the CLI). */
export async function createUser(trx: Trx, ctx: RequestContext, input: CreateUserInput): Promise<string> {
  const email = input.email.trim().toLowerCase()
  await assertValidGrant(trx, input, 'options')
  if (input.password !== undefined) assertPasswordAcceptable(input.password, email, 'options.password')
  const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  if (existing) throw conflict('An account with this email exists already')
  const id = newId()
  const now = nowIso()
  await trx
    .insertInto('users')
    .values({
      id,
      email,
      name: input.name,
      passwordHash: input.password === undefined ? null : await hashPassword(input.password),
      locale: null,
      active: 1,
      isDemo: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: null,
    })
    .execute()
  await recordAudit(trx, ctx, {
    action: 'user.created',
    subjectType: 'user',
    subjectId: id,
    countryCode: input.countryCode,
    after: { email, name: input.name },
  })
  await addMembership(trx, ctx, id, input)
  return id
}
