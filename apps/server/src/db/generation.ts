import { randomInt } from 'node:crypto'
import type SQLite from 'better-sqlite3'
import type { CompiledQuery } from 'kysely'
import type { Database, DatabaseHandle } from './database.ts'
import type { Trx } from './transaction.ts'

/**
 * The data generation: a count of committed write transactions kept in the database, plus a random epoch set when the
 * database was created. Read caches key their entries by it, so a write through any app instance invalidates every
 * instance's cache. Every write transaction (withTransaction) adds 1 just before it commits. The setup generation
 * counts only the write transactions that changed anything but answer data (db/write-tracker.ts): caches of what data
 * entry never changes (the signed-in actor, a round's structure, assignments) are keyed by it, so they stay valid
 * while answers are saved.
 *
 * The counts are spread over GENERATION_SHARDS rows (migration 0013) and read as their sums: one row, updated by
 * every write, held its row lock from the update to the end of the commit (the WAL flush) and so queued every
 * concurrent write on PostgreSQL behind each other's commit. Now a transaction adds 1 to one row, the next row in turn
 * for each transaction of a process (from a random start, so processes spread too), and concurrent writes wait on
 * each other only in the rare case of the same row.
 *
 * Why a reader never keeps serving data older than a write it could know of (the test is generation.test.ts):
 * - Every committed write transaction has added exactly 1 to exactly one row, in the transaction itself, so its +1
 *   becomes visible exactly when its data does. One statement reads the sum in one snapshot, so the sum is the number
 *   of write transactions that snapshot sees.
 * - Snapshots taken one after the other see growing sets of committed transactions (a committed transaction stays
 *   visible to every later snapshot). Of two snapshots, one sees a superset of the other's; when both sums are equal,
 *   both see the same set of writes.
 * - A cache entry kept under sum c was computed after its reader read c, so from snapshots that see at least the
 *   writes of c. A reader that reads the counter after a write W committed sees W; if it also reads c, the writes of
 *   c include W, and the entry it would serve includes W. If it reads anything else, the entry is not used.
 * The same holds for the setup count and the writes it counts. Writes that do not go through withTransaction
 * (touching a session's last-seen time, the job queue) change nothing the caches hold and are not counted.
 */
export const GENERATION_SHARDS = 64

export interface Generations {
  /** Changes with every committed write transaction. */
  data: string
  /** Changes with every committed write transaction that changed anything but answer data. */
  setup: string
}

const generationsQuery = (db: Database | Trx) =>
  db
    .selectFrom('dataGeneration')
    .select((eb) => [
      eb.fn.max('epoch').as('epoch'),
      eb.fn.sum<number>('n').as('n'),
      eb.fn.sum<number>('setupN').as('setupN'),
    ])

/** The query compiled once per database (every request reads it; building it cost more than running it on SQLite). */
const compiledReads = new WeakMap<Database, CompiledQuery<{ epoch: string; n: number; setupN: number }>>()

export async function readGenerations(db: Database | Trx): Promise<Generations> {
  let row: GenerationsRow | undefined
  if (db.isTransaction) row = await generationsQuery(db).executeTakeFirst()
  else {
    const database = db as Database
    let compiled = compiledReads.get(database)
    if (!compiled) {
      compiled = generationsQuery(database).compile()
      compiledReads.set(database, compiled)
    }
    row = (await database.executeQuery(compiled)).rows[0]
  }
  return toGenerations(row)
}

interface GenerationsRow {
  epoch: string | null
  n: number | string | null
  setupN: number | string | null
}

const toGenerations = (row: GenerationsRow | undefined): Generations =>
  row?.epoch
    ? { data: `${row.epoch}:${Number(row.n)}`, setup: `${row.epoch}:${Number(row.setupN)}` }
    : { data: 'none', setup: 'none' }

export async function readDataGeneration(db: Database | Trx): Promise<string> {
  return (await readGenerations(db)).data
}

let nextShard = randomInt(GENERATION_SHARDS)

/**
 * Marks the data as changed (and the setup, unless told that only answer data changed); call it last in a write
 * transaction (the row lock is then held only while committing).
 */
export async function bumpDataGeneration(
  trx: Database | Trx,
  options: { setup: boolean } = { setup: true },
): Promise<void> {
  const shard = 1 + (nextShard++ % GENERATION_SHARDS)
  const result = await trx
    .updateTable('dataGeneration')
    .set((eb) => ({ n: eb('n', '+', 1), ...(options.setup ? { setupN: eb('setupN', '+', 1) } : {}) }))
    .where('id', '=', shard)
    .executeTakeFirst()
  // A missing row would lose the change silently: caches would serve stale data.
  if (result.numUpdatedRows !== 1n) throw new Error(`data_generation has no row ${shard} (migration 0013)`)
}

/**
 * Shares one read of the generation among the requests that ask for it while it has not been sent yet: every caller
 * gets a value read by a query that started after the caller asked, so what the argument above needs holds for each
 * of them (a caller never gets a value read before it asked, when a write it knows of may not have committed yet).
 * While a read is running, new callers wait for the next one, which starts when the running one ends: under load, one
 * query serves every request that arrived meanwhile instead of one query (a round trip to PostgreSQL) per request.
 */
export class CoalescedRead<T> {
  private running: Promise<unknown> | null = null
  private queued: Promise<T> | null = null

  constructor(private readonly load: () => Promise<T>) {}

  read(): Promise<T> {
    if (this.queued) return this.queued
    const settled = this.running ? this.running.then(noop, noop) : Promise.resolve()
    // The callback runs in a later microtask, after `queued` is set below and after every caller that joined it.
    const queued = settled.then(() => {
      this.queued = null
      const load = this.load()
      this.running = load
      const clear = () => {
        if (this.running === load) this.running = null
      }
      load.then(clear, clear)
      return load
    })
    this.queued = queued
    return queued
  }
}

const noop = () => {}

const readers = new WeakMap<Database, CoalescedRead<Generations>>()
const committedReads = new WeakMap<SQLite.Database, SQLite.Statement<[], GenerationsRow>>()

/**
 * The current generations for a request (outside any transaction). SQLite: read at once on the handle's second
 * connection, which sees only committed data (never the app connection's open transaction) and does not queue behind
 * the transactions waiting for the app connection. PostgreSQL: read as CoalescedRead describes.
 */
export function currentGenerations(handle: Pick<DatabaseHandle, 'db' | 'committed'>): Promise<Generations> {
  const { committed } = handle
  if (committed?.open) {
    let statement = committedReads.get(committed)
    if (!statement) {
      statement = committed.prepare<[], GenerationsRow>(
        'select max(epoch) as epoch, sum(n) as n, sum(setup_n) as setupN from data_generation',
      )
      committedReads.set(committed, statement)
    }
    try {
      return Promise.resolve(toGenerations(statement.get()))
    } catch (err) {
      return Promise.reject(err)
    }
  }
  let reader = readers.get(handle.db)
  if (!reader) {
    const { db } = handle
    reader = new CoalescedRead(() => readGenerations(db))
    readers.set(db, reader)
  }
  return reader.read()
}
