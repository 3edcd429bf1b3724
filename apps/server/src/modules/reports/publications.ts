import type { PublicReportView, ReportData, ReportPublication } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { protectReport } from './report-disclosure.ts'

type Db = Database | Trx
export type PublicationRow = DB['reportPublications']

export const presentPublication = (r: PublicationRow): ReportPublication => ({
  id: r.id,
  kind: r.kind as ReportPublication['kind'],
  roundId: r.roundId,
  scope: r.scope,
  number: r.number,
  changeNote: r.changeNote,
  publishedAt: r.publishedAt,
  publishedBy: r.publishedBy,
})

/** Publications of the given rounds (all when omitted), by round, scope and number. */
export async function listPublications(db: Db, roundIds?: string[]): Promise<PublicationRow[]> {
  let q = db.selectFrom('reportPublications').selectAll()
  if (roundIds) q = q.where('roundId', 'in', roundIds.length ? roundIds : [''])
  return q.orderBy('roundId').orderBy('scope').orderBy('number').execute()
}

export async function getPublicationOrThrow(db: Db, id: string): Promise<PublicationRow> {
  const row = await db.selectFrom('reportPublications').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Publication not found')
  return row
}

export const snapshotOf = (row: PublicationRow): ReportData => JSON.parse(row.data) as ReportData

/**
 * The portal's view of a publication, from its snapshot with disclosure control applied: area scores, totals and
 * the identified/presumed split of person counts (withheld ones as "<5" or "x"), and recommendations with status.
 */
export function publicView(row: PublicationRow, threshold: number): PublicReportView {
  const data = snapshotOf(row)
  const p = protectReport(data, 'public', threshold)
  const keyCells = data.statistics.cells.filter((c) => c.key === 'total' || /^victim_status=[a-z_]+$/.test(c.key))
  return {
    publication: presentPublication(row),
    round: {
      id: data.round.id,
      name: data.round.name,
      periodFrom: data.round.periodFrom,
      periodTo: data.round.periodTo,
    },
    country: data.kind === 'national' ? data.country : null,
    areas: data.areas.map((a) =>
      data.kind === 'national' && 'score' in a
        ? { code: a.code, title: a.title, score: a.score, previousScore: a.previousScore }
        : { code: a.code, title: a.title, score: null, previousScore: null },
    ),
    countries:
      data.kind === 'regional'
        ? data.countries.map((c) => ({
            code: c.code,
            names: c.names,
            areaScores: c.areaScores.map((s) => ({ areaCode: s.areaCode, score: s.score })),
            implementationRate: c.implementationRate,
          }))
        : [],
    statistics: {
      indicators: data.statistics.indicators.map((i) => ({ code: i.code, title: i.title })),
      rounds: data.statistics.rounds,
      cells: keyCells.map((c) => {
        const f = p.cell(c, String)
        return {
          indicatorCode: c.indicatorCode,
          countryCode: c.countryCode,
          roundId: c.roundId,
          key: c.key,
          value: f.value,
          display: f.suppressed ? f.text : null,
        }
      }),
    },
    recommendations:
      data.kind === 'national'
        ? [...data.newRecommendations, ...data.followUps].map((r) => ({
            text: r.text,
            priority: r.priority,
            status: r.status,
            issuedIn: r.issuedRound.name,
          }))
        : [],
    disclosureThreshold: threshold,
  }
}
