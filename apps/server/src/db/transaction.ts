import type { Transaction } from 'kysely'
import type { Database } from './database.ts'
import { bumpDataGeneration } from './generation.ts'
import type { DB } from './schema.ts'

export type Trx = Transaction<DB>

/**
 * Runs fn in one transaction: everything it writes commits together or not at all. The route or job owns this call.
 * Last, it bumps the data generation, so read caches on every app instance see the change.
 */
export function withTransaction<T>(db: Database, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await fn(trx)
    await bumpDataGeneration(trx)
    return result
  })
}
