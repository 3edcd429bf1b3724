import type { Assignment, LocalizedText, Progress, ProgressRow, SelectionReason, WorkStatus } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { loadAdaptation } from '../frameworks/adaptations.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import type { LoadedRound } from './rounds.queries.ts'

/** A source answer's state on the board: a draft is work in progress. */
const workStatusOf = (answerStatus: string): WorkStatus =>
  answerStatus === 'draft' ? 'in_progress' : (answerStatus as WorkStatus)

/** The state of one indicator from its source answers: the least advanced source decides, returned stands out. */
export function indicatorStatus(sourceStatuses: WorkStatus[], assignedCount: number): WorkStatus {
  if (sourceStatuses.includes('returned')) return 'returned'
  const done = sourceStatuses.filter((s) => s === 'submitted' || s === 'validated').length
  if (sourceStatuses.length > 0 && sourceStatuses.every((s) => s === 'validated') && done >= assignedCount)
    return 'validated'
  if (done > 0 && done >= Math.max(1, assignedCount)) return 'submitted'
  return sourceStatuses.length > 0 ? 'in_progress' : 'not_started'
}

/** Assignments of a country in a round, keyed by indicator code, with names. */
async function loadAssignments(db: Database, roundId: string, countryCode: string): Promise<Map<string, Assignment>> {
  const rows = await db
    .selectFrom('assignments')
    .leftJoin('users', 'users.id', 'assignments.expertId')
    .leftJoin('users as second', 'second.id', 'assignments.secondExpertId')
    .select([
      'assignments.id',
      'assignments.indicatorCode',
      'assignments.expertId',
      'assignments.secondExpertId',
      'assignments.dueOn',
      'assignments.version',
      'users.name as expertName',
      'second.name as secondExpertName',
    ])
    .where('assignments.roundId', '=', roundId)
    .where('assignments.countryCode', '=', countryCode)
    .execute()
  const providers = rows.length
    ? await db
        .selectFrom('assignmentProviders')
        .innerJoin('organisations', 'organisations.id', 'assignmentProviders.organisationId')
        .leftJoin('users', 'users.id', 'assignmentProviders.userId')
        .select([
          'assignmentProviders.assignmentId',
          'assignmentProviders.organisationId',
          'organisations.name as organisationName',
          'assignmentProviders.userId',
          'users.name as userName',
        ])
        .where(
          'assignmentProviders.assignmentId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('organisations.name')
        .execute()
    : []
  return new Map(
    rows.map((r) => [
      r.indicatorCode,
      {
        expert: r.expertId ? { id: r.expertId, name: r.expertName ?? '' } : null,
        secondExpert: r.secondExpertId ? { id: r.secondExpertId, name: r.secondExpertName ?? '' } : null,
        providers: providers.filter((p) => p.assignmentId === r.id).map(({ assignmentId: _a, ...p }) => p),
        dueOn: r.dueOn,
        version: r.version,
      },
    ]),
  )
}

/**
 * The progress board of a country in a round: per indicator its assignment, each source's state, the overall state
 * and lateness; per area the counts and completeness. A data provider sees only what its organisation is asked.
 */
export async function countryProgress(
  db: Database,
  actor: Actor,
  round: LoadedRound,
  countryCode: string,
  today: string,
): Promise<Omit<Progress, 'abilities'>> {
  const list = await db
    .selectFrom('roundIndicators')
    .selectAll()
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .orderBy('position')
    .execute()
  const version = await loadVersion(db, round.row.frameworkVersionId)
  const extras = (await loadAdaptation(db, round.row.frameworkVersionId, countryCode)).extraIndicators
  const titles = new Map<string, LocalizedText>([...version.indicators, ...extras].map((i) => [i.code, i.title]))
  const assignments = await loadAssignments(db, round.row.id, countryCode)
  const answers = await db
    .selectFrom('answers')
    .innerJoin('organisations', 'organisations.id', 'answers.organisationId')
    .select([
      'answers.indicatorCode',
      'answers.organisationId',
      'organisations.name as organisationName',
      'answers.status',
      'answers.updatedAt',
    ])
    .where('answers.roundId', '=', round.row.id)
    .where('answers.countryCode', '=', countryCode)
    .execute()
  const providerOrgs = new Set(
    actor.memberships
      .filter((m) => m.role === 'data_provider' && m.countryCode === countryCode)
      .map((m) => m.organisationId),
  )
  const seesAll = actor.memberships.some(
    (m) => m.role !== 'data_provider' && (m.countryCode === null || m.countryCode === countryCode),
  )

  const rows: ProgressRow[] = []
  for (const item of list) {
    const assignment = assignments.get(item.indicatorCode) ?? null
    if (!seesAll && !assignment?.providers.some((p) => providerOrgs.has(p.organisationId))) continue
    const sources = answers
      .filter((a) => a.indicatorCode === item.indicatorCode && (seesAll || providerOrgs.has(a.organisationId)))
      .map((a) => ({
        organisationId: a.organisationId,
        organisationName: a.organisationName,
        status: workStatusOf(a.status),
        updatedAt: a.updatedAt,
      }))
    const status = indicatorStatus(
      sources.map((s) => s.status),
      seesAll ? (assignment?.providers.length ?? 0) : 1,
    )
    const late = Boolean(
      assignment?.dueOn && assignment.dueOn < today && status !== 'submitted' && status !== 'validated',
    )
    rows.push({
      code: item.indicatorCode,
      area: item.areaCode,
      title: titles.get(item.indicatorCode) ?? {},
      reason: item.reason as SelectionReason,
      assignment,
      sources,
      status,
      late,
    })
  }
  const areaCodes = [...new Set(rows.map((r) => r.area))]
  const completeness = (rs: ProgressRow[]) =>
    rs.length ? rs.filter((r) => r.status === 'submitted' || r.status === 'validated').length / rs.length : 0
  return {
    round: { id: round.row.id, name: round.row.name, status: round.row.status as Progress['round']['status'] },
    countryCode,
    indicators: rows,
    areas: areaCodes.map((area) => {
      const inArea = rows.filter((r) => r.area === area)
      const byStatus: Record<string, number> = {}
      for (const r of inArea) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1
      return { area, total: inArea.length, byStatus, completeness: completeness(inArea) }
    }),
    completeness: completeness(rows),
    late: rows.filter((r) => r.late).length,
  }
}
