import nodemailer from 'nodemailer'
import type { Config } from '../../config.ts'
import type { JobDefinition } from '../../jobs/types.ts'
import { remindDeadlines } from './deadlines.ts'
import { flushOutbox } from './outbox.ts'

const HOUR = 3_600_000
const OUTBOX_MS = 30_000

export const DEADLINES_JOB = 'notifications.deadlines'
export const OUTBOX_JOB = 'notifications.outbox'

/**
 * The notifications' recurring jobs, run by the job runner (jobs/): deadline reminders every hour, and (when SMTP is
 * configured) the e-mail outbox every 30 seconds. Each is one row that one worker at a time claims, so two app
 * instances never send the same e-mail. `close` ends the SMTP connection pool.
 */
export function notificationJobs(config: Config, baseUrl: string): { definitions: JobDefinition[]; close(): void } {
  const definitions: JobDefinition[] = [
    {
      kind: DEADLINES_JOB,
      every: HOUR,
      run: async (_payload, ctx) => ({ written: await remindDeadlines(ctx.db, new Date().toISOString().slice(0, 10)) }),
    },
  ]
  const smtp = config.smtp
  if (!smtp) return { definitions, close: () => {} }
  const transport = nodemailer.createTransport(smtp.url)
  const options = { from: smtp.from, baseUrl, defaultLocale: config.defaultLocale }
  definitions.push({
    kind: OUTBOX_JOB,
    every: OUTBOX_MS,
    run: async (_payload, ctx) => ({ sent: await flushOutbox(ctx.db, transport, options) }),
  })
  return { definitions, close: () => transport.close() }
}
