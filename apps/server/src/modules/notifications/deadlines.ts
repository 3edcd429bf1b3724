import { DEADLINE_NOTICE_DAYS } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { withTransaction } from '../../db/transaction.ts'
import { notify, providerReaders } from './notify.ts'

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * Reminds data providers of answers due within a week (today included) in rounds that are collecting and not yet
 * submitted. Each reader gets one reminder per assignment, organisation and due date, however often this runs.
 * Returns how many reminders were written.
 */
export async function remindDeadlines(db: Database, today: string): Promise<number> {
  const rows = await db
    .selectFrom('assignments')
    .innerJoin('rounds', 'rounds.id', 'assignments.roundId')
    .innerJoin('assignmentProviders', 'assignmentProviders.assignmentId', 'assignments.id')
    .leftJoin('answers', (join) =>
      join
        .onRef('answers.roundId', '=', 'assignments.roundId')
        .onRef('answers.countryCode', '=', 'assignments.countryCode')
        .onRef('answers.indicatorCode', '=', 'assignments.indicatorCode')
        .onRef('answers.organisationId', '=', 'assignmentProviders.organisationId'),
    )
    .select([
      'assignments.id',
      'assignments.roundId',
      'assignments.countryCode',
      'assignments.indicatorCode',
      'assignments.dueOn',
      'assignmentProviders.organisationId',
      'assignmentProviders.userId',
      'answers.status as answerStatus',
    ])
    .where('rounds.status', '=', 'collecting')
    .where('assignments.dueOn', '>=', today)
    .where('assignments.dueOn', '<=', addDays(today, DEADLINE_NOTICE_DAYS))
    .execute()
  return withTransaction(db, async (trx) => {
    let written = 0
    for (const r of rows) {
      if (r.answerStatus === 'submitted' || r.answerStatus === 'validated') continue
      written += await notify(trx, null, {
        userIds: await providerReaders(trx, r.organisationId, r.userId),
        kind: 'deadline',
        roundId: r.roundId,
        countryCode: r.countryCode,
        indicatorCode: r.indicatorCode,
        organisationId: r.organisationId,
        role: 'provider',
        dueOn: r.dueOn,
        dedupeKey: `deadline:${r.id}:${r.organisationId}:${r.dueOn}`,
      })
    }
    return written
  })
}
