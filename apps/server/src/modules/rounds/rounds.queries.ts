import { type LocalizedText, type Round, type RoundFocus, RoundOptionsSchema, type RoundStatus } from '@thbm/shared'
import { type Actor, visibleCountries } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { can } from '../../policies.ts'

type Db = Database | Trx
export type RoundRow = DB['rounds']
export interface LoadedRound {
  row: RoundRow
  countries: string[]
  manual: string[]
}

export async function loadRound(db: Db, id: string): Promise<LoadedRound | null> {
  const row = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return null
  const countries = (
    await db
      .selectFrom('roundCountries')
      .select('countryCode')
      .where('roundId', '=', id)
      .orderBy('countryCode')
      .execute()
  ).map((r) => r.countryCode)
  const manual = (
    await db
      .selectFrom('roundManualIndicators')
      .select('indicatorCode')
      .where('roundId', '=', id)
      .orderBy('indicatorCode')
      .execute()
  ).map((r) => r.indicatorCode)
  return { row, countries, manual }
}

/** A round the actor may see, or 404. */
export async function getRoundOrThrow(db: Db, actor: Actor, id: string): Promise<LoadedRound> {
  const round = await loadRound(db, id)
  if (!round || !can(actor, 'round.read', round)) throw notFound('Round not found')
  return round
}

/** A round and one of its countries, when the actor may see that country's work; otherwise 404. */
export async function getRoundCountryOrThrow(
  db: Db,
  actor: Actor,
  id: string,
  countryCode: string,
): Promise<LoadedRound> {
  const round = await getRoundOrThrow(db, actor, id)
  if (!can(actor, 'roundCountry.read', { round, countryCode })) throw notFound('Country not found in this round')
  return round
}

/** Rounds with at least one country the actor sees, newest reference period first. */
export async function findRoundsForActor(db: Db, actor: Actor): Promise<LoadedRound[]> {
  let query = db.selectFrom('rounds').select('id').orderBy('periodTo', 'desc').orderBy('createdAt', 'desc')
  const visible = visibleCountries(actor)
  if (visible !== 'all') {
    const codes = visible.size ? [...visible] : ['']
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('roundCountries').select('roundId').where('countryCode', 'in', codes),
    )
  }
  const ids = await query.execute()
  const rounds = await Promise.all(ids.map((r) => loadRound(db, r.id)))
  return rounds.filter((r): r is LoadedRound => r !== null)
}

const STATUS_ACTIONS: Record<RoundStatus, string[]> = {
  planning: ['round.edit', 'round.start'],
  collecting: ['round.edit', 'round.advance', 'round.moveBack'],
  reviewing: ['round.edit', 'round.advance', 'round.moveBack'],
  published: ['round.advance', 'round.moveBack'],
  archived: ['round.moveBack'],
}

export async function presentRound(db: Db, actor: Actor, round: LoadedRound): Promise<Round> {
  const { row } = round
  const version = await db
    .selectFrom('frameworkVersions')
    .innerJoin('frameworks', 'frameworks.id', 'frameworkVersions.frameworkId')
    .select(['frameworkVersions.id', 'frameworkVersions.label', 'frameworks.code'])
    .where('frameworkVersions.id', '=', row.frameworkVersionId)
    .executeTakeFirstOrThrow()
  const counts = await db
    .selectFrom('roundIndicators')
    .select((eb) => ['countryCode', eb.fn.countAll<number>().as('n')])
    .where('roundId', '=', row.id)
    .groupBy('countryCode')
    .execute()
  const visibleCodes = round.countries.filter((c) => can(actor, 'roundCountry.read', { round, countryCode: c }))
  const status = row.status as RoundStatus
  return {
    id: row.id,
    name: row.name,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    referenceYear: Number(row.periodTo.slice(0, 4)),
    frameworkVersion: { id: version.id, label: version.label, frameworkCode: version.code },
    focus: row.focusTopic as RoundFocus | null,
    focusLabel: parseJson<LocalizedText>(row.focusLabel, {}),
    manualIndicators: round.manual,
    status,
    milestones: {
      collectionClosesOn: row.collectionClosesOn,
      reviewClosesOn: row.reviewClosesOn,
      publicationOn: row.publicationOn,
    },
    options: RoundOptionsSchema.parse(parseJson(row.options, {})),
    countries: visibleCodes.map((code) => ({
      code,
      indicatorCount: Number(counts.find((c) => c.countryCode === code)?.n ?? 0),
    })),
    createdAt: row.createdAt,
    version: row.version,
    abilities: can(actor, 'round.manage', round) ? STATUS_ACTIONS[status] : [],
  }
}
