import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type { Database } from '../db/database.ts'
import type { Engine } from '../db/migrations/helpers.ts'
import { claimJob } from './claim.ts'
import { ensureRecurringJobs } from './enqueue.ts'
import { completeJob, failJob, releaseJob, renewLease } from './finish.ts'
import type { JobContext, JobDefinition, JobEvents, JobOutcome, JobRow } from './types.ts'
import { onJobQueued } from './wake.ts'

export interface RunnerOptions {
  db: Database
  engine: Engine
  definitions: readonly JobDefinition[]
  /** Names this worker in `locked_by`; unique per runner by default. */
  workerId?: string
  /** How long a claim holds without renewal (default 60 s); renewed every third of it while the handler runs. */
  leaseMs?: number
  /** How often an idle runner looks for work (default 1 s). */
  pollMs?: number
  /** First retry delay, doubled each attempt up to 10 minutes (default 5 s). */
  backoffMs?: number
  log?: { error(obj: unknown, msg?: string): void }
  events?: JobEvents
}

/** Thrown by `ctx.progress` once another worker has taken the job over. */
export class LeaseLostError extends Error {
  constructor() {
    super('The job was taken over by another worker (its lease expired)')
  }
}

const defaultWorkerId = () => `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`

/**
 * Runs queued jobs one at a time: `start()` polls in the background until `stop()`, `runUntilIdle()` works through
 * what is due now (the CLI). Several runners (in one process or on several instances) never run one job at the same
 * time: each claim is exclusive (claim.ts) and each write of a result checks that this worker still holds the lease.
 */
export class JobRunner {
  readonly workerId: string
  private readonly definitions: Map<string, JobDefinition>
  private readonly leaseMs: number
  private readonly pollMs: number
  private readonly backoffMs: number
  private stopping = false
  private loop: Promise<void> | null = null
  private wake: (() => void) | null = null
  private current: AbortController | null = null
  /** A job was queued in this process since the runner last looked (jobs/wake.ts). */
  private woken = false
  private unsubscribe: (() => void) | null = null

  constructor(private readonly options: RunnerOptions) {
    this.workerId = options.workerId ?? defaultWorkerId()
    this.definitions = new Map(options.definitions.map((d) => [d.kind, d]))
    this.leaseMs = options.leaseMs ?? 60_000
    this.pollMs = options.pollMs ?? 1000
    this.backoffMs = options.backoffMs ?? 5000
  }

  /** Claims and runs one due job (only the given one, when an id is passed); null when none is due. */
  async runNext(id?: string): Promise<{ job: JobRow; outcome: JobOutcome } | null> {
    const job = await claimJob(this.options.db, {
      engine: this.options.engine,
      workerId: this.workerId,
      kinds: [...this.definitions.keys()],
      leaseMs: this.leaseMs,
      id,
    })
    if (!job) return null
    return { job, outcome: await this.execute(job) }
  }

  /** Runs due jobs until none is left; returns what happened to each. */
  async runUntilIdle(): Promise<{ job: JobRow; outcome: JobOutcome }[]> {
    const ran: { job: JobRow; outcome: JobOutcome }[] = []
    for (;;) {
      const next = await this.runNext()
      if (!next) return ran
      ran.push(next)
    }
  }

  /** Starts polling for work in the background, first creating the recurring jobs' rows. */
  start(): void {
    if (this.loop) return
    this.stopping = false
    this.unsubscribe = onJobQueued(() => {
      this.woken = true
      this.wake?.()
    })
    this.loop = this.poll()
  }

  /**
   * Stops polling and asks a running handler to stop (its job goes back to the queue), waiting at most timeoutMs.
   * A handler still busy after that keeps its lease until it expires, when another worker takes the job over.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true
    this.unsubscribe?.()
    this.unsubscribe = null
    this.wake?.()
    this.current?.abort()
    if (!this.loop) return
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs)
    })
    await Promise.race([this.loop, timeout])
    clearTimeout(timer)
    this.loop = null
  }

  private async poll(): Promise<void> {
    let recurringReady = false
    let failing = false
    while (!this.stopping) {
      let ran = false
      try {
        if (!recurringReady) await ensureRecurringJobs(this.options.db, this.options.definitions)
        recurringReady = true
        ran = (await this.runNext()) !== null
        failing = false
      } catch (err) {
        // The database is down or busy: try again after the poll interval, saying so once rather than every second.
        if (!failing) this.options.log?.error({ err }, 'job runner: claiming a job failed; retrying every poll')
        failing = true
      }
      const woken = this.woken
      this.woken = false
      if (!ran && !woken && !this.stopping)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs)
          this.wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
    }
  }

  private async execute(job: JobRow): Promise<JobOutcome> {
    const { db, events, log } = this.options
    const def = this.definitions.get(job.kind) as JobDefinition
    const controller = new AbortController()
    this.current = controller
    let lost = false
    const renew = async (fields: { progress?: number; progressNote?: string | null } = {}) => {
      if (lost) return
      if (!(await renewLease(db, job.id, this.workerId, this.leaseMs, fields))) {
        lost = true
        controller.abort()
      }
    }
    const heartbeat = setInterval(
      () => void renew().catch((err) => log?.error({ err }, 'job runner: renewing a lease failed')),
      Math.max(50, Math.floor(this.leaseMs / 3)),
    )
    heartbeat.unref()
    const ctx: JobContext = {
      jobId: job.id,
      attempt: job.attempts,
      workerId: this.workerId,
      db,
      signal: controller.signal,
      progress: async (fraction, note = null) => {
        const progress = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0))
        await renew({ progress, progressNote: note })
        if (lost) throw new LeaseLostError()
        await events?.onProgress?.(job, progress, note)
      },
    }
    events?.onStart?.(job)
    let outcome: JobOutcome
    try {
      if (job.attempts > job.maxAttempts && !def.every)
        throw new Error(`Gave up: the worker stopped during each of ${job.maxAttempts} attempts`)
      const result = await def.run(JSON.parse(job.payload), ctx)
      outcome = lost ? { status: 'lost' } : await completeJob(db, job, def, this.workerId, result)
    } catch (err) {
      if (lost) outcome = { status: 'lost' }
      else if (this.stopping && controller.signal.aborted) outcome = await releaseJob(db, job, this.workerId)
      else outcome = await failJob(db, job, def, this.workerId, err, this.backoffMs)
      if (outcome.status !== 'released' && outcome.status !== 'lost')
        log?.error({ err, jobId: job.id, kind: job.kind }, 'job failed')
    } finally {
      clearInterval(heartbeat)
      this.current = null
    }
    events?.onFinish?.(job, outcome)
    return outcome
  }
}
