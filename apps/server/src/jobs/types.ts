import type { Database } from '../db/database.ts'
import type { DB } from '../db/schema.ts'

export type JobRow = DB['jobs']

/** What a handler gets besides its payload. */
export interface JobContext {
  jobId: string
  /** 1 on the first attempt. */
  attempt: number
  /** The worker running this attempt (the job's `locked_by` while it holds the lease). */
  workerId: string
  db: Database
  /** Aborted when the runner stops or loses the job's lease: stop at the next safe point. */
  signal: AbortSignal
  /** Records progress (0 to 1) and what is being done; also renews the lease. Throws once the lease is lost. */
  progress(fraction: number, note?: string | null): Promise<void>
}

/** A kind of job and its handler, registered with the runner. */
export interface JobDefinition<P = unknown> {
  kind: string
  /** Runs the job; what it returns is stored as the job's result (JSON). Throwing retries it with backoff. */
  run(payload: P, ctx: JobContext): Promise<unknown>
  /** Attempts before the job fails for good (default 3). */
  maxAttempts?: number
  /**
   * A recurring job (ms between runs): one row per kind, created when a runner starts, put back in the queue after
   * each run instead of finishing, and never failed for good.
   */
  every?: number
}

/** What a runner reports while it works, e.g. to draw a progress bar. */
export interface JobEvents {
  onStart?(job: JobRow): void
  /** Awaited before the handler goes on. */
  onProgress?(job: JobRow, fraction: number, note: string | null): void | Promise<void>
  onFinish?(job: JobRow, outcome: JobOutcome): void
}

export type JobOutcome =
  | { status: 'done'; result: unknown }
  | { status: 'retry' | 'failed'; error: string }
  /** The runner was stopped mid-job: the job went back to the queue. */
  | { status: 'released' }
  /** Another worker took the job over (the lease expired): nothing this worker did is recorded. */
  | { status: 'lost' }
