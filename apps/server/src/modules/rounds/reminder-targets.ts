import type { Issue, ProgressRow, ReminderSelection } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { validationFailed } from '../../errors.ts'
import { providerReaders } from '../notifications/notify.ts'
import { countryProgress } from './progress.ts'
import type { LoadedRound } from './rounds.queries.ts'

/** One person to remind about one indicator, and what they are asked to do there. */
export interface ReminderTarget {
  userId: string
  indicatorCode: string
  role: 'provider' | 'expert'
  organisationId: string | null
  dueOn: string | null
}

const DONE = new Set(['submitted', 'validated'])

/**
 * The indicators a reminder is about: every late one of the country (as the progress board counts them), or the
 * listed codes, each of which must be in the country's list for the round (400 naming the first wrong ones).
 */
function chosenRows(rows: ProgressRow[], selection: ReminderSelection): ProgressRow[] {
  if (selection === 'late') return rows.filter((r) => r.late)
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const issues: Issue[] = []
  for (const [i, code] of selection.entries()) {
    if (!byCode.has(code))
      issues.push({ path: `body.indicatorCodes[${i}]`, message: 'Not an indicator of this country in the round' })
  }
  if (issues.length) throw validationFailed(issues.slice(0, 20))
  return [...new Set(selection)].map((code) => byCode.get(code) as ProgressRow)
}

/** Active experts of the country (or of every country) among the given people. */
async function activeExperts(trx: Trx | Database, countryCode: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set()
  const rows = await trx
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select('users.id')
    .where('users.id', 'in', userIds)
    .where('users.active', '=', 1)
    .where('memberships.role', '=', 'expert')
    .where((eb) => eb.or([eb('memberships.countryCode', '=', countryCode), eb('memberships.countryCode', 'is', null)]))
    .execute()
  return new Set(rows.map((r) => r.id))
}

/** Each assessment's state by indicator and scorer (`IDN-1/primary`). */
async function assessmentStates(
  trx: Trx | Database,
  roundId: string,
  countryCode: string,
): Promise<Map<string, string>> {
  const rows = await trx
    .selectFrom('assessments')
    .select(['indicatorCode', 'scorer', 'status'])
    .where('roundId', '=', roundId)
    .where('countryCode', '=', countryCode)
    .execute()
  return new Map(rows.map((r) => [`${r.indicatorCode}/${r.scorer}`, r.status]))
}

/**
 * Who still has to act on the chosen indicators of a country: the active data providers of each assigned
 * organisation whose answer is not submitted (only the named person when the assignment names one), and the
 * assigned expert (and second expert) while their assessment is not submitted, if still an active expert of the
 * country. One target per person and indicator; never the actor. Returns the indicator codes too.
 */
export async function reminderTargets(
  trx: Trx | Database,
  actor: Actor,
  round: LoadedRound,
  countryCode: string,
  selection: ReminderSelection,
  today: string,
): Promise<{ codes: string[]; targets: ReminderTarget[] }> {
  const progress = await countryProgress(trx, actor, round, countryCode, today)
  const rows = chosenRows(progress.indicators, selection)
  const states = await assessmentStates(trx, round.row.id, countryCode)
  const assigned = rows.flatMap((r) => [r.assignment?.expert?.id, r.assignment?.secondExpert?.id])
  const experts = await activeExperts(
    trx,
    countryCode,
    [...new Set(assigned)].filter((id): id is string => Boolean(id)),
  )
  const targets: ReminderTarget[] = []
  const seen = new Set<string>([])
  const add = (target: ReminderTarget) => {
    const key = `${target.userId}/${target.indicatorCode}`
    if (target.userId === actor.id || seen.has(key)) return
    seen.add(key)
    targets.push(target)
  }
  for (const row of rows) {
    const a = row.assignment
    if (!a) continue
    const base = { indicatorCode: row.code, dueOn: a.dueOn }
    for (const p of a.providers) {
      const source = row.sources.find((s) => s.organisationId === p.organisationId)
      if (source && DONE.has(source.status)) continue
      for (const userId of await providerReaders(trx, p.organisationId, p.userId))
        add({ ...base, userId, role: 'provider', organisationId: p.organisationId })
    }
    for (const [scorer, expert] of [
      ['primary', a.expert],
      ['second', a.secondExpert],
    ] as const) {
      if (!expert || !experts.has(expert.id) || DONE.has(states.get(`${row.code}/${scorer}`) ?? '')) continue
      add({ ...base, userId: expert.id, role: 'expert', organisationId: null })
    }
  }
  return { codes: rows.map((r) => r.code), targets }
}
