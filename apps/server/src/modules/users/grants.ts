import { COUNTRY_ROLES, type Issue, REGION_ROLES, type Role } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'

export interface GrantInput {
  role: Role
  countryCode: string | null
  organisationId: string | null
}

/** Checks that a role grant makes sense: scope fits the role, the country exists, the organisation is in it. */
export async function assertValidGrant(db: Database | Trx, grant: GrantInput, pathPrefix = 'body'): Promise<void> {
  const issues: Issue[] = []
  if (grant.countryCode === null && !REGION_ROLES.includes(grant.role)) {
    issues.push({ path: `${pathPrefix}.countryCode`, message: 'This role needs a country' })
  }
  if (grant.countryCode !== null && !COUNTRY_ROLES.includes(grant.role)) {
    issues.push({
      path: `${pathPrefix}.countryCode`,
      message: 'This role covers the whole region; leave the country empty',
    })
  }
  if (grant.countryCode !== null) {
    const country = await db
      .selectFrom('countries')
      .select('code')
      .where('code', '=', grant.countryCode)
      .executeTakeFirst()
    if (!country) issues.push({ path: `${pathPrefix}.countryCode`, message: 'Unknown country' })
  }
  if (grant.role === 'data_provider' && grant.organisationId === null) {
    issues.push({ path: `${pathPrefix}.organisationId`, message: 'A data provider belongs to an organisation' })
  }
  if (grant.organisationId !== null) {
    const org = await db
      .selectFrom('organisations')
      .select(['countryCode', 'active'])
      .where('id', '=', grant.organisationId)
      .executeTakeFirst()
    if (org?.active !== 1) issues.push({ path: `${pathPrefix}.organisationId`, message: 'Unknown organisation' })
    else if (org.countryCode !== grant.countryCode) {
      issues.push({ path: `${pathPrefix}.organisationId`, message: 'The organisation is not in this country' })
    }
  }
  if (issues.length > 0) throw validationFailed(issues)
}

/** Gives a user a role unless they hold it already in that scope; returns whether a membership was added. */
export async function addMembership(
  trx: Trx,
  ctx: RequestContext,
  userId: string,
  grant: GrantInput,
): Promise<boolean> {
  let existing = trx.selectFrom('memberships').select('id').where('userId', '=', userId).where('role', '=', grant.role)
  existing =
    grant.countryCode === null
      ? existing.where('countryCode', 'is', null)
      : existing.where('countryCode', '=', grant.countryCode)
  if (await existing.executeTakeFirst()) return false
  const id = newId()
  await trx
    .insertInto('memberships')
    .values({
      id,
      userId,
      role: grant.role,
      countryCode: grant.countryCode,
      organisationId: grant.organisationId,
      createdAt: nowIso(),
    })
    .execute()
  await recordAudit(trx, ctx, {
    action: 'membership.created',
    subjectType: 'user',
    subjectId: userId,
    countryCode: grant.countryCode,
    after: { membershipId: id, ...grant },
  })
  return true
}
