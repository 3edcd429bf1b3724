import type { FastifyBaseLogger } from 'fastify'
import nodemailer from 'nodemailer'
import type { Config } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import { remindDeadlines } from './deadlines.ts'
import { flushOutbox } from './outbox.ts'

const HOUR = 3_600_000
const OUTBOX_MS = 30_000

/**
 * Background work of a running server: deadline reminders at start and every hour, and (when SMTP is configured)
 * the e-mail outbox every 30 seconds. Errors are logged and retried on the next tick. Returns a stop function.
 */
export function startNotificationJobs(
  db: Database,
  config: Config,
  log: FastifyBaseLogger,
  baseUrl: string,
): () => void {
  const timers: NodeJS.Timeout[] = []
  const remind = () =>
    remindDeadlines(db, new Date().toISOString().slice(0, 10)).catch((err) =>
      log.error({ err }, 'deadline reminders failed'),
    )
  void remind()
  timers.push(setInterval(remind, HOUR))
  const smtp = config.smtp
  let transport: ReturnType<typeof nodemailer.createTransport> | null = null
  if (smtp) {
    transport = nodemailer.createTransport(smtp.url)
    const options = { from: smtp.from, baseUrl, defaultLocale: config.defaultLocale }
    let running = false
    const flush = async () => {
      if (running || !transport) return
      running = true
      try {
        await flushOutbox(db, transport, options)
      } catch (err) {
        log.error({ err }, 'notification e-mail failed')
      } finally {
        running = false
      }
    }
    timers.push(setInterval(flush, OUTBOX_MS))
  }
  for (const t of timers) t.unref()
  return () => {
    for (const t of timers) clearInterval(t)
    transport?.close()
  }
}
