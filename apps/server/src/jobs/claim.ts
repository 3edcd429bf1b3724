import type { ExpressionBuilder } from 'kysely'
import type { Database } from '../db/database.ts'
import type { Engine } from '../db/migrations/helpers.ts'
import type { DB } from '../db/schema.ts'
import type { JobRow } from './types.ts'

export interface ClaimOptions {
  engine: Engine
  workerId: string
  /** Only these kinds (the ones this runner has handlers for). */
  kinds: readonly string[]
  leaseMs: number
  /** Only this job (e.g. the CLI running one publication's rendering). */
  id?: string
}

/** A job may be claimed when it is due, or when the worker that holds it let its lease expire (it crashed). */
function claimable(eb: ExpressionBuilder<DB, 'jobs'>, now: string, options: ClaimOptions) {
  const conditions = [
    eb('kind', 'in', options.kinds.length ? [...options.kinds] : ['']),
    eb.or([
      eb.and([eb('status', '=', 'queued'), eb('runAfter', '<=', now)]),
      eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<', now)]),
    ]),
  ]
  if (options.id) conditions.push(eb('id', '=', options.id))
  return eb.and(conditions)
}

/**
 * Claims the next due job for this worker: marks it running, counts the attempt and gives the worker a lease until
 * `now + leaseMs`. PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED` in a transaction, so concurrent workers on several
 * instances each get a different job without waiting on each other. SQLite: one `UPDATE … WHERE id = (SELECT …)`
 * statement, atomic because SQLite runs one write at a time (also across processes on the same file).
 */
export async function claimJob(db: Database, options: ClaimOptions): Promise<JobRow | null> {
  const now = new Date()
  const nowText = now.toISOString()
  const claim = {
    status: 'running',
    lockedBy: options.workerId,
    lockedUntil: new Date(now.getTime() + options.leaseMs).toISOString(),
    updatedAt: nowText,
  }
  if (options.engine === 'postgres') {
    return db.transaction().execute(async (trx) => {
      const next = await trx
        .selectFrom('jobs')
        .select('id')
        .where((eb) => claimable(eb, nowText, options))
        .orderBy('runAfter')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst()
      if (!next) return null
      const row = await trx
        .updateTable('jobs')
        .set((eb) => ({ ...claim, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', next.id)
        .returningAll()
        .executeTakeFirst()
      return row ?? null
    })
  }
  const row = await db
    .updateTable('jobs')
    .set((eb) => ({ ...claim, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where((inner) => claimable(inner, nowText, options))
        .orderBy('runAfter')
        .limit(1),
    )
    .returningAll()
    .executeTakeFirst()
  return row ?? null
}
