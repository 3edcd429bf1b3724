import { SqliteAdapter, type Transaction } from 'kysely'
import type { Database } from './database.ts'
import { bumpDataGeneration } from './generation.ts'
import type { DB } from './schema.ts'
import { WriteTracker } from './write-tracker.ts'

export type Trx = Transaction<DB>

/**
 * Runs fn in one transaction: everything it writes commits together or not at all. The route or job owns this call.
 * Last, when it wrote anything, it bumps the data generation (and the setup generation when it wrote anything but
 * answer data), so read caches on every app instance see the change; one that only read keeps every cache.
 */
export function withTransaction<T>(db: Database, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const run = () =>
    db.transaction().execute(async (trx) => {
      const writes = new WriteTracker()
      const result = await fn(trx.withPlugin(writes))
      if (writes.wrote) await bumpDataGeneration(trx, { setup: writes.changedSetup })
      return result
    })
  return db.getExecutor().adapter instanceof SqliteAdapter ? inTurn(db, run) : run()
}

const turns = new WeakMap<Database, Promise<unknown>>()
const settled = () => {}

/**
 * SQLite runs one transaction at a time on its one connection: they wait here, in the order they were asked for,
 * rather than all on Kysely's lock for that connection, which wakes every waiter on each release (each checks and
 * waits again: with 50 saves waiting, 50 wake-ups per transaction).
 */
function inTurn<T>(db: Database, run: () => Promise<T>): Promise<T> {
  const result = (turns.get(db) ?? Promise.resolve()).then(run)
  turns.set(db, result.then(settled, settled))
  return result
}
