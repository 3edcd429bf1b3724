import type { Database } from '../db/database.ts'
import type { Trx } from '../db/transaction.ts'
import type { JobDefinition, JobOutcome, JobRow } from './types.ts'

const MAX_BACKOFF_MS = 10 * 60_000
const after = (now: number, ms: number) => new Date(now + ms).toISOString()
/** Releases the lock; one clock reading for updated_at and run_after, so the delay between them is exact. */
const unlocked = (now: number) => ({ lockedBy: null, lockedUntil: null, updatedAt: new Date(now).toISOString() })

/** The job as this worker holds it: every write of a result is conditional on still holding the lease. */
const held = (db: Database, job: JobRow, workerId: string) =>
  db.updateTable('jobs').where('id', '=', job.id).where('lockedBy', '=', workerId).where('status', '=', 'running')

const wrote = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows) === 1

/** Extends the lease (and records progress); false when this worker no longer holds the job. */
export async function renewLease(
  db: Database,
  id: string,
  workerId: string,
  leaseMs: number,
  fields: { progress?: number; progressNote?: string | null },
): Promise<boolean> {
  const now = Date.now()
  const r = await db
    .updateTable('jobs')
    .set({ ...fields, lockedUntil: after(now, leaseMs), updatedAt: new Date(now).toISOString() })
    .where('id', '=', id)
    .where('lockedBy', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst()
  return wrote(r)
}

/**
 * Records a job's result inside the transaction that does its work, while this worker still holds the job: the work
 * and its record commit together, so a worker that lost its lease rolls back (false) and a retry after a crash that
 * followed the commit finds the result (storedResult) instead of doing the work again. The runner still completes
 * the job as usual afterwards.
 */
export async function recordResultInTransaction(
  trx: Trx,
  jobId: string,
  workerId: string,
  result: unknown,
): Promise<boolean> {
  const r = await trx
    .updateTable('jobs')
    .set({ result: JSON.stringify(result ?? null) })
    .where('id', '=', jobId)
    .where('lockedBy', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst()
  return wrote(r)
}

/** The result a job recorded (recordResultInTransaction or completeJob), or undefined when it has none yet. */
export async function storedResult(db: Database, jobId: string): Promise<unknown> {
  const row = await db.selectFrom('jobs').select('result').where('id', '=', jobId).executeTakeFirst()
  return row?.result == null ? undefined : JSON.parse(row.result)
}

/** Records a success: done with its result, or (a recurring job) queued again for its next run. */
export async function completeJob(
  db: Database,
  job: JobRow,
  def: JobDefinition,
  workerId: string,
  result: unknown,
): Promise<JobOutcome> {
  const now = Date.now()
  const next = def.every
    ? { status: 'queued', runAfter: after(now, def.every), attempts: 0, progress: 0, progressNote: null }
    : { status: 'done', progress: 1 }
  const r = await held(db, job, workerId)
    .set({ ...next, result: JSON.stringify(result ?? null), error: null, ...unlocked(now) })
    .executeTakeFirst()
  return wrote(r) ? { status: 'done', result } : { status: 'lost' }
}

/**
 * Records a failed attempt: back in the queue after a delay that doubles each attempt, or failed for good after the
 * last attempt. A recurring job is never failed: after its last attempt it waits for its next regular run.
 */
export async function failJob(
  db: Database,
  job: JobRow,
  def: JobDefinition,
  workerId: string,
  err: unknown,
  backoffMs: number,
): Promise<JobOutcome> {
  const error = (err instanceof Error ? err.message : String(err)).slice(0, 2000)
  const final = job.attempts >= job.maxAttempts
  const backoff = Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** Math.max(0, job.attempts - 1))
  const now = Date.now()
  const next = def.every
    ? { status: 'queued', runAfter: after(now, final ? def.every : backoff), attempts: final ? 0 : job.attempts }
    : final
      ? { status: 'failed' }
      : { status: 'queued', runAfter: after(now, backoff) }
  const r = await held(db, job, workerId)
    .set({ ...next, error, ...unlocked(now) })
    .executeTakeFirst()
  if (!wrote(r)) return { status: 'lost' }
  return { status: next.status === 'failed' ? 'failed' : 'retry', error }
}

/** Puts a job the runner was stopped in back in the queue, due now, without counting the attempt. */
export async function releaseJob(db: Database, job: JobRow, workerId: string): Promise<JobOutcome> {
  const now = Date.now()
  const r = await held(db, job, workerId)
    .set({ status: 'queued', attempts: Math.max(0, job.attempts - 1), runAfter: after(now, 0), ...unlocked(now) })
    .executeTakeFirst()
  return wrote(r) ? { status: 'released' } : { status: 'lost' }
}
