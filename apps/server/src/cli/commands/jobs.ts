import { JOB_STATUSES, type JobStatus } from '@thbm/shared'
import type { Config } from '../../config.ts'
import { serverJobDefinitions } from '../../jobs/definitions.ts'
import { JobRunner } from '../../jobs/runner.ts'
import type { JobOutcome } from '../../jobs/types.ts'
import { type Command, optionalString, UsageError } from '../command.ts'
import { withDatabase } from '../context.ts'
import { progressBar } from '../progress-bar.ts'

/** The address e-mails link to when the CLI sends them. */
export const baseUrlOf = (config: Config) => config.publicUrl ?? `http://${config.host}:${config.port}`

const SUMMARY: Record<JobOutcome['status'], string> = {
  done: 'done',
  retry: 'to retry',
  failed: 'failed',
  released: 'put back',
  lost: 'taken over by another worker',
}

export const jobsRunCommand: Command = {
  name: 'jobs run',
  summary: 'Run the background jobs that are due now (report rendering, e-mail), with a progress bar, then exit',
  usage: ['thbm jobs run', '  Runs alongside a running server safely: each job is claimed by one worker only.'],
  options: {},
  async run() {
    await withDatabase(async (handle, config) => {
      const { definitions, close } = serverJobDefinitions(config, baseUrlOf(config))
      const bar = progressBar()
      const runner = new JobRunner({
        db: handle.db,
        engine: handle.engine,
        definitions,
        events: {
          onStart: (job) => bar.update(0, job.kind),
          onProgress: (job, fraction, note) => bar.update(fraction, note ? `${job.kind}: ${note}` : job.kind),
          onFinish: (job, outcome) =>
            bar.done(`${job.kind}: ${SUMMARY[outcome.status]}`, outcome.status === 'done' ? 1 : undefined),
        },
      })
      try {
        const ran = await runner.runUntilIdle()
        if (ran.length === 0) {
          console.log('No job is due.')
          return
        }
        const counts = new Map<string, number>()
        for (const r of ran) counts.set(SUMMARY[r.outcome.status], (counts.get(SUMMARY[r.outcome.status]) ?? 0) + 1)
        const parts = [...counts].map(([what, n]) => `${n} ${what}`)
        console.log(`Ran ${ran.length} job${ran.length === 1 ? '' : 's'}: ${parts.join(', ')}.`)
        for (const r of ran)
          if (r.outcome.status === 'retry' || r.outcome.status === 'failed')
            console.log(`  ${r.job.id}  ${r.job.kind}: ${r.outcome.error}`)
      } finally {
        close()
      }
    })
  },
}

export const jobsListCommand: Command = {
  name: 'jobs list',
  summary: 'List the latest background jobs with their status and progress',
  usage: ['thbm jobs list [--status queued|running|done|failed] [--limit N]', '  --limit  how many (default 20)'],
  options: { status: { type: 'string' }, limit: { type: 'string' } },
  async run(values) {
    const status = optionalString(values, 'status')
    if (status && !(JOB_STATUSES as readonly string[]).includes(status))
      throw new UsageError(`--status must be one of ${JOB_STATUSES.join(', ')}`)
    const limit = Number(optionalString(values, 'limit') ?? 20)
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError('--limit must be 1 to 10000')
    await withDatabase(async (handle) => {
      let q = handle.db.selectFrom('jobs').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit)
      if (status) q = q.where('status', '=', status as JobStatus)
      const rows = await q.execute()
      if (rows.length === 0) {
        console.log('No jobs.')
        return
      }
      const kindWidth = Math.max(4, ...rows.map((r) => r.kind.length))
      console.log(`${'id'.padEnd(36)}  ${'kind'.padEnd(kindWidth)}  status   progress  tries  updated`)
      for (const r of rows) {
        const progress = `${Math.round(Number(r.progress) * 100)}%`.padStart(8)
        const tries = `${r.attempts}/${r.maxAttempts}`.padStart(5)
        const line = `${r.id}  ${r.kind.padEnd(kindWidth)}  ${r.status.padEnd(7)}  ${progress}  ${tries}  ${r.updatedAt}`
        console.log(r.error ? `${line}\n${''.padEnd(38)}${r.error.slice(0, 200)}` : line)
      }
    })
  },
}
