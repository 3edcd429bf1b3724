import type { ImportBatch } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { can } from '../../policies.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'

type Db = Database | Trx
export type ImportBatchRow = DB['importBatches']

/** An import batch of this round and country, or 404. */
export async function getBatchOrThrow(
  db: Db,
  roundId: string,
  countryCode: string,
  id: string,
): Promise<ImportBatchRow> {
  const row = await db
    .selectFrom('importBatches')
    .selectAll()
    .where('id', '=', id)
    .where('roundId', '=', roundId)
    .where('countryCode', '=', countryCode)
    .executeTakeFirst()
  if (!row) throw notFound('Import batch not found')
  return row
}

/** The import batches of a country in a round, newest first, as the API shows them. */
export async function listBatches(
  db: Db,
  actor: Actor,
  round: LoadedRound,
  countryCode: string,
  id?: string,
): Promise<ImportBatch[]> {
  let query = db
    .selectFrom('importBatches')
    .leftJoin('users as creator', 'creator.id', 'importBatches.createdBy')
    .leftJoin('users as reverter', 'reverter.id', 'importBatches.revertedBy')
    .selectAll('importBatches')
    .select(['creator.name as creatorName', 'reverter.name as reverterName'])
    .where('importBatches.roundId', '=', round.row.id)
    .where('importBatches.countryCode', '=', countryCode)
    .orderBy('importBatches.createdAt', 'desc')
    .orderBy('importBatches.id', 'desc')
  if (id) query = query.where('importBatches.id', '=', id)
  const rows = await query.execute()
  const orgIds = [...new Set(rows.flatMap((r) => parseJson<string[]>(r.organisationIds, [])))]
  const orgs = orgIds.length
    ? await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute()
    : []
  const revertible = round.row.status === 'collecting' && can(actor, 'importBatch.revert', { countryCode })
  return rows.map((r) => ({
    id: r.id,
    roundId: r.roundId,
    countryCode: r.countryCode,
    source: r.source as ImportBatch['source'],
    fileName: r.fileName,
    organisations: parseJson<string[]>(r.organisationIds, []).map((o) => ({
      id: o,
      name: orgs.find((x) => x.id === o)?.name ?? '',
    })),
    createdAt: r.createdAt,
    createdBy: r.createdBy ? { id: r.createdBy, name: r.creatorName ?? '' } : null,
    counts: { created: r.answersCreated, updated: r.answersUpdated },
    revertedAt: r.revertedAt,
    revertedBy: r.revertedBy ? { id: r.revertedBy, name: r.reverterName ?? '' } : null,
    revertReason: r.revertReason,
    abilities: revertible && !r.revertedAt ? ['importBatch.revert'] : [],
  }))
}
