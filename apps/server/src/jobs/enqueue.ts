import { createHash } from 'node:crypto'
import type { Database } from '../db/database.ts'
import type { Trx } from '../db/transaction.ts'
import { newId, nowIso } from '../ids.ts'
import type { JobDefinition } from './types.ts'

export const DEFAULT_MAX_ATTEMPTS = 3

export interface EnqueueOptions {
  /** The user whose request asks for the work: they may follow its progress. */
  createdBy?: string | null
  /** Not before this time (ISO). */
  runAfter?: string
  maxAttempts?: number
}

/**
 * Queues a job. Call it with the transaction of the change that asks for the work (an outbox): the job exists only if
 * that change commits, and a worker picks it up after the commit. Returns the job id.
 */
export async function enqueueJob(trx: Trx | Database, kind: string, payload: unknown, options: EnqueueOptions = {}) {
  const id = newId()
  const now = nowIso()
  await trx
    .insertInto('jobs')
    .values({
      id,
      kind,
      payload: JSON.stringify(payload ?? null),
      status: 'queued',
      progress: 0,
      progressNote: null,
      attempts: 0,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      runAfter: options.runAfter ?? now,
      lockedBy: null,
      lockedUntil: null,
      result: null,
      error: null,
      createdBy: options.createdBy ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .execute()
  return id
}

/** The fixed id of a recurring job's row (a UUID derived from its kind), the same on every instance. */
export function recurringJobId(kind: string): string {
  const hex = createHash('sha256').update(`thbm-recurring-job:${kind}`).digest('hex')
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * Makes sure each recurring definition has its row, due now when new. Every instance calls this when its runner
 * starts; the fixed id makes the inserts of several instances one row. A row a failure left behind is requeued.
 */
export async function ensureRecurringJobs(db: Database, definitions: readonly JobDefinition[]): Promise<void> {
  const now = nowIso()
  for (const def of definitions) {
    if (!def.every) continue
    const id = recurringJobId(def.kind)
    const values = {
      id,
      kind: def.kind,
      payload: 'null',
      status: 'queued',
      progress: 0,
      progressNote: null,
      attempts: 0,
      maxAttempts: def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      runAfter: now,
      lockedBy: null,
      lockedUntil: null,
      result: null,
      error: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    }
    await db
      .insertInto('jobs')
      .values(values)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
    await db
      .updateTable('jobs')
      .set({ status: 'queued', attempts: 0, runAfter: now, updatedAt: now })
      .where('id', '=', id)
      .where('status', 'in', ['done', 'failed'])
      .execute()
  }
}
