import type { UpdateCountryBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { parseJson, toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'

/** Renames a country in the UI locales (version-checked). */
export async function updateCountry(
  trx: Trx,
  ctx: RequestContext,
  country: { code: string; names: string; version: number },
  body: UpdateCountryBody,
): Promise<void> {
  assertVersion(country.version, body.version)
  const names = Object.fromEntries(Object.entries(body.names).filter(([, v]) => v))
  const res = await trx
    .updateTable('countries')
    .set({ names: toJson(names), version: country.version + 1, updatedAt: nowIso() })
    .where('code', '=', country.code)
    .where('version', '=', body.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, ctx, {
    action: 'country.updated',
    subjectType: 'country',
    subjectId: country.code,
    countryCode: country.code,
    before: { names: parseJson(country.names, {}) },
    after: { names },
  })
}
