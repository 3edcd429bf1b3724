import type { CreateOrganisationBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { assertUniqueName } from './unique-name.ts'

/** Adds an organisation (institution or NGO) to a country's reference data. */
export async function createOrganisation(trx: Trx, ctx: RequestContext, body: CreateOrganisationBody): Promise<string> {
  const country = await trx
    .selectFrom('countries')
    .select('code')
    .where('code', '=', body.countryCode)
    .executeTakeFirst()
  if (!country) throw validationFailed([{ path: 'body.countryCode', message: 'Unknown country' }])
  await assertUniqueName(trx, body.countryCode, body.name, null)
  const id = newId()
  const now = nowIso()
  await trx
    .insertInto('organisations')
    .values({
      id,
      name: body.name,
      type: body.type,
      countryCode: body.countryCode,
      active: 1,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute()
  await recordAudit(trx, ctx, {
    action: 'organisation.created',
    subjectType: 'organisation',
    subjectId: id,
    countryCode: body.countryCode,
    after: body,
  })
  return id
}
