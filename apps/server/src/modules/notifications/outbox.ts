import { LOCALES, type Locale, type NotificationKind } from '@thbm/shared'
import type { Transporter } from 'nodemailer'
import type { Database } from '../../db/database.ts'
import { nowIso } from '../../ids.ts'
import { renderEmail } from './render-email.ts'

/** Notifications older than this are not e-mailed any more (e.g. SMTP was configured long after they were made). */
const STALE_MS = 2 * 86_400_000
const BATCH = 50
/** Nodemailer's codes for a server that cannot be reached, as opposed to one that refuses a message. */
const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED'])

export interface OutboxOptions {
  from: string
  baseUrl: string
  defaultLocale: Locale
}

/**
 * Sends pending notification e-mails, at most a batch per call, and records each result ('sent' or 'failed').
 * Stale ones and those of inactive readers are marked 'skipped'. Returns how many were sent.
 */
export async function flushOutbox(db: Database, transport: Transporter, options: OutboxOptions): Promise<number> {
  const staleBefore = new Date(Date.now() - STALE_MS).toISOString()
  await db
    .updateTable('notifications')
    .set({ emailStatus: 'skipped' })
    .where('emailStatus', '=', 'pending')
    .where('createdAt', '<', staleBefore)
    .execute()
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('users', 'users.id', 'n.userId')
    .innerJoin('rounds', 'rounds.id', 'n.roundId')
    .leftJoin('organisations', 'organisations.id', 'n.organisationId')
    .leftJoin('users as actor', 'actor.id', 'n.actorId')
    .select([
      'n.id',
      'n.kind',
      'n.roundId',
      'rounds.name as roundName',
      'n.countryCode',
      'n.indicatorCode',
      'organisations.name as organisationName',
      'actor.name as actorName',
      'n.role',
      'n.comment',
      'n.dueOn',
      'users.email',
      'users.locale',
      'users.active',
    ])
    .where('n.emailStatus', '=', 'pending')
    .orderBy('n.id')
    .limit(BATCH)
    .execute()
  let sent = 0
  for (const r of rows) {
    let status = 'skipped'
    if (r.active === 1) {
      const locale = (LOCALES as readonly string[]).includes(r.locale ?? '')
        ? (r.locale as Locale)
        : options.defaultLocale
      const mail = renderEmail({ ...r, kind: r.kind as NotificationKind }, locale, options.baseUrl)
      try {
        await transport.sendMail({ from: options.from, to: r.email, subject: mail.subject, text: mail.text })
        status = 'sent'
        sent++
      } catch (err) {
        // The server could not be reached: leave this and the rest pending for the next tick. A refusal of this
        // message (e.g. an unknown recipient) fails it for good.
        if (UNREACHABLE.has((err as { code?: string }).code ?? '')) break
        status = 'failed'
      }
    }
    await db
      .updateTable('notifications')
      .set({ emailStatus: status, emailedAt: status === 'sent' ? nowIso() : null })
      .where('id', '=', r.id)
      .execute()
  }
  return sent
}
