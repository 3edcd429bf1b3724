import type { Database } from './database.ts'
import type { Trx } from './transaction.ts'

/**
 * The data generation: a counter in the database that every write transaction bumps just before it commits
 * (withTransaction), plus a random epoch set when the database was created. Read caches key their entries by it, so
 * a write through any app instance invalidates every instance's cache; reading it is one primary-key lookup.
 */
export async function readDataGeneration(db: Database | Trx): Promise<string> {
  const row = await db.selectFrom('dataGeneration').select(['epoch', 'n']).where('id', '=', 1).executeTakeFirst()
  return row ? `${row.epoch}:${row.n}` : 'none'
}

/** Marks the data as changed; call it last in a write transaction (the row lock is then held only while committing). */
export async function bumpDataGeneration(trx: Database | Trx): Promise<void> {
  await trx
    .updateTable('dataGeneration')
    .set((eb) => ({ n: eb('n', '+', 1) }))
    .where('id', '=', 1)
    .execute()
}
