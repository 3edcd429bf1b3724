import { REMINDER_THROTTLE_HOURS, type ReminderResult, type SendRemindersBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { invalidState } from '../../errors.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { notify } from '../notifications/notify.ts'
import type { ReminderTarget } from './reminder-targets.ts'
import type { LoadedRound } from './rounds.queries.ts'

/** Round states in which people still have work to be reminded of. */
export const REMINDER_STATUSES = ['collecting', 'reviewing']

export function assertRemindable(round: LoadedRound): void {
  if (!REMINDER_STATUSES.includes(round.row.status))
    throw invalidState(`The round is ${round.row.status}; reminders are sent while it collects data or is in review`)
}

/**
 * Splits targets into those to remind and those reminded of the same indicator (in this round and country) within
 * the throttle window, by anyone.
 */
export async function splitThrottled(
  trx: Trx | Database,
  round: LoadedRound,
  countryCode: string,
  targets: ReminderTarget[],
): Promise<{ fresh: ReminderTarget[]; throttled: ReminderTarget[] }> {
  const since = new Date(Date.now() - REMINDER_THROTTLE_HOURS * 3_600_000).toISOString()
  const recent = await trx
    .selectFrom('notifications')
    .select(['userId', 'indicatorCode'])
    .where('kind', '=', 'reminder')
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .where('createdAt', '>=', since)
    .execute()
  const done = new Set(recent.map((r) => `${r.userId}/${r.indicatorCode}`))
  const fresh: ReminderTarget[] = []
  const throttled: ReminderTarget[] = []
  for (const t of targets) (done.has(`${t.userId}/${t.indicatorCode}`) ? throttled : fresh).push(t)
  return { fresh, throttled }
}

export const countsOf = (fresh: ReminderTarget[], throttled: ReminderTarget[]): ReminderResult => ({
  reminded: fresh.length,
  skipped: throttled.length,
  recipients: new Set(fresh.map((t) => t.userId)).size,
})

/**
 * Reminds everyone who still has to act on the chosen indicators (see reminderTargets) with an in-app notification
 * and, through the outbox, an e-mail in their own language, carrying the lead's note. A person already reminded of
 * an indicator within the throttle window is skipped. One audit row names the indicators and the counts.
 */
export async function sendReminders(
  trx: Trx,
  ctx: RequestContext,
  round: LoadedRound,
  countryCode: string,
  body: SendRemindersBody,
  chosen: { codes: string[]; targets: ReminderTarget[] },
): Promise<ReminderResult> {
  assertRemindable(round)
  const { fresh, throttled } = await splitThrottled(trx, round, countryCode, chosen.targets)
  const groups = new Map<string, ReminderTarget[]>()
  for (const t of fresh) {
    const key = JSON.stringify([t.indicatorCode, t.role, t.organisationId, t.dueOn])
    groups.set(key, [...(groups.get(key) ?? []), t])
  }
  const note = body.message?.trim() || null
  for (const group of groups.values()) {
    const first = group[0] as ReminderTarget
    await notify(trx, ctx, {
      userIds: group.map((t) => t.userId),
      kind: 'reminder',
      roundId: round.row.id,
      countryCode,
      indicatorCode: first.indicatorCode,
      organisationId: first.organisationId,
      role: first.role,
      comment: note,
      dueOn: first.dueOn,
    })
  }
  const counts = countsOf(fresh, throttled)
  await recordAudit(trx, ctx, {
    action: 'round.remindersSent',
    subjectType: 'round',
    subjectId: round.row.id,
    countryCode,
    after: {
      selection: body.indicatorCodes === 'late' ? 'late' : 'listed',
      indicatorCodes: chosen.codes,
      ...counts,
      withNote: note !== null,
    },
  })
  return counts
}
