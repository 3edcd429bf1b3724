import type { Actor } from '../../actor.ts'
import { visibleCountries } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { can } from '../../policies.ts'

export interface OrganisationRow {
  id: string
  name: string
  type: string
  countryCode: string
  active: number
  version: number
}

const COLUMNS = ['id', 'name', 'type', 'countryCode', 'active', 'version'] as const

/** One organisation, or 404 when it does not exist or lies in a country the actor cannot see. */
export async function getOrganisationOrThrow(db: Database | Trx, actor: Actor, id: string): Promise<OrganisationRow> {
  const row = await db.selectFrom('organisations').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  if (!row || !can(actor, 'organisation.read', row)) throw notFound('Organisation not found')
  return row
}

/** Organisations in the countries the actor can see, filtered; scoped in SQL. */
export async function findOrganisations(
  db: Database,
  actor: Actor,
  filter: { country?: string; type?: string; includeInactive?: boolean },
): Promise<OrganisationRow[]> {
  let query = db.selectFrom('organisations').select(COLUMNS).orderBy('countryCode').orderBy('name').orderBy('id')
  const visible = visibleCountries(actor)
  if (visible !== 'all') query = query.where('countryCode', 'in', visible.size ? [...visible] : [''])
  if (filter.country) {
    if (!can(actor, 'country.read', { code: filter.country })) throw notFound('Country not found')
    query = query.where('countryCode', '=', filter.country)
  }
  if (filter.type) query = query.where('type', '=', filter.type)
  if (!filter.includeInactive) query = query.where('active', '=', 1)
  return query.execute()
}
