import type { UpdateOrganisationBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { fromBool, toBool } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { OrganisationRow } from './organisations.queries.ts'
import { assertUniqueName } from './unique-name.ts'

/** Renames, retypes, deactivates or reactivates an organisation (version-checked). */
export async function updateOrganisation(
  trx: Trx,
  ctx: RequestContext,
  org: OrganisationRow,
  body: UpdateOrganisationBody,
): Promise<void> {
  assertVersion(org.version, body.version)
  const before = { name: org.name, type: org.type, active: toBool(org.active) }
  const after = { name: body.name ?? org.name, type: body.type ?? org.type, active: body.active ?? before.active }
  if (after.name !== org.name) await assertUniqueName(trx, org.countryCode, after.name, org.id)
  const res = await trx
    .updateTable('organisations')
    .set({
      name: after.name,
      type: after.type,
      active: fromBool(after.active),
      version: org.version + 1,
      updatedAt: nowIso(),
    })
    .where('id', '=', org.id)
    .where('version', '=', body.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, ctx, {
    action: 'organisation.updated',
    subjectType: 'organisation',
    subjectId: org.id,
    countryCode: org.countryCode,
    before,
    after,
  })
}
