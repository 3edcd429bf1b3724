import type { LocalizedText, MyWork, WorkItem, WorkStatus } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'

const DAY = 86_400_000

/**
 * The actor's open work in rounds that are collecting: indicators its organisation must answer (as a data provider)
 * or it must assess (as the expert or the second expert), not yet submitted, with what is late, due within 7 days,
 * or returned.
 */
export async function myWork(db: Database, actor: Actor, today: string): Promise<MyWork> {
  const orgs = actor.memberships
    .filter((m) => m.role === 'data_provider' && m.organisationId)
    .map((m) => m.organisationId as string)
  const rows = await db
    .selectFrom('assignments')
    .innerJoin('rounds', 'rounds.id', 'assignments.roundId')
    .leftJoin('assignmentProviders', 'assignmentProviders.assignmentId', 'assignments.id')
    .leftJoin('organisations', 'organisations.id', 'assignmentProviders.organisationId')
    .select([
      'assignments.roundId',
      'rounds.name as roundName',
      'rounds.frameworkVersionId',
      'assignments.countryCode',
      'assignments.indicatorCode',
      'assignments.expertId',
      'assignments.secondExpertId',
      'assignments.dueOn',
      'assignmentProviders.organisationId',
      'organisations.name as organisationName',
    ])
    .where('rounds.status', '=', 'collecting')
    .where((eb) =>
      eb.or([
        eb('assignments.expertId', '=', actor.id),
        eb('assignments.secondExpertId', '=', actor.id),
        eb('assignmentProviders.organisationId', 'in', orgs.length ? orgs : ['']),
      ]),
    )
    .orderBy('assignments.dueOn')
    .orderBy('assignments.indicatorCode')
    .execute()
  const answers = rows.length
    ? await db
        .selectFrom('answers')
        .select(['roundId', 'countryCode', 'indicatorCode', 'organisationId', 'status'])
        .where('roundId', 'in', [...new Set(rows.map((r) => r.roundId))])
        .execute()
    : []
  const statusOf = (r: (typeof rows)[number], org: string | null): WorkStatus => {
    const mine = answers.filter(
      (a) =>
        a.roundId === r.roundId &&
        a.countryCode === r.countryCode &&
        a.indicatorCode === r.indicatorCode &&
        (org === null || a.organisationId === org),
    )
    if (mine.some((a) => a.status === 'returned')) return 'returned'
    if (mine.length && mine.every((a) => a.status === 'submitted' || a.status === 'validated')) return 'submitted'
    return mine.length ? 'in_progress' : 'not_started'
  }
  const titles = new Map<string, Map<string, LocalizedText>>()
  const items: WorkItem[] = []
  const seen = new Set<string>()
  for (const r of rows) {
    const asProvider = r.organisationId !== null && orgs.includes(r.organisationId)
    const asExpert = r.expertId === actor.id || r.secondExpertId === actor.id
    const as = asProvider ? 'provider' : asExpert ? 'expert' : null
    const key = `${r.roundId}/${r.countryCode}/${r.indicatorCode}/${as}/${asProvider ? r.organisationId : ''}`
    if (!as || seen.has(key)) continue
    seen.add(key)
    const status = statusOf(r, asProvider ? r.organisationId : null)
    if (status === 'submitted') continue
    if (!titles.has(r.frameworkVersionId)) {
      titles.set(
        r.frameworkVersionId,
        new Map((await loadVersion(db, r.frameworkVersionId)).indicators.map((i) => [i.code, i.title])),
      )
    }
    const late = Boolean(r.dueOn && r.dueOn < today)
    const dueSoon = Boolean(r.dueOn && !late && Date.parse(r.dueOn) - Date.parse(today) <= 7 * DAY)
    items.push({
      roundId: r.roundId,
      roundName: r.roundName,
      countryCode: r.countryCode,
      indicatorCode: r.indicatorCode,
      title: titles.get(r.frameworkVersionId)?.get(r.indicatorCode) ?? {},
      as,
      organisation: asProvider && r.organisationId ? { id: r.organisationId, name: r.organisationName ?? '' } : null,
      status,
      dueOn: r.dueOn,
      late,
      dueSoon,
    })
  }
  return {
    items: items.slice(0, 100),
    late: items.filter((i) => i.late).length,
    dueSoon: items.filter((i) => i.dueSoon).length,
    returned: items.filter((i) => i.status === 'returned').length,
  }
}
