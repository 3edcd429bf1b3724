import {
  DEFAULT_DISCLOSURE_THRESHOLD,
  type LocalizedText,
  type ReportMethod,
  type ReportRoundRef,
  RoundOptionsSchema,
} from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import type { LoadedVersion } from '../frameworks/frameworks.queries.ts'
import { type LoadedRound, loadRound } from '../rounds/rounds.queries.ts'

export const roundRef = (r: { id: string; name: string; periodFrom: string; periodTo: string }): ReportRoundRef => ({
  id: r.id,
  name: r.name,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
})

export async function countryNames(db: Database, codes: string[]): Promise<Map<string, LocalizedText>> {
  if (codes.length === 0) return new Map()
  const rows = await db.selectFrom('countries').select(['code', 'names']).where('code', 'in', codes).execute()
  return new Map(rows.map((r) => [r.code, parseJson<LocalizedText>(r.names, {})]))
}

/**
 * Earlier rounds that covered the country and were published (or archived after publication), newest first, up to
 * `limit`: the rounds a report compares with.
 */
export async function earlierRounds(
  db: Database,
  round: LoadedRound,
  countryCode: string | null,
  limit: number,
): Promise<LoadedRound[]> {
  let q = db
    .selectFrom('rounds')
    .select('rounds.id')
    .where('rounds.periodTo', '<', round.row.periodTo)
    .where('rounds.status', 'in', ['published', 'archived'])
  if (countryCode)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('roundCountries')
          .select('roundCountries.roundId')
          .whereRef('roundCountries.roundId', '=', 'rounds.id')
          .where('roundCountries.countryCode', '=', countryCode),
      ),
    )
  const ids = await q.orderBy('rounds.periodTo', 'desc').limit(limit).execute()
  const out: LoadedRound[] = []
  for (const { id } of ids) {
    const r = await loadRound(db, id)
    if (r) out.push(r)
  }
  return out
}

/** How the report was made: framework, focus, sources, data gaps, scoring and disclosure rules. */
export async function reportMethod(
  db: Database,
  round: LoadedRound,
  version: LoadedVersion,
  countries: string[],
  dataGaps: ReportMethod['dataGaps'],
  threshold = DEFAULT_DISCLOSURE_THRESHOLD,
): Promise<ReportMethod> {
  const options = RoundOptionsSchema.parse(parseJson(round.row.options, {}))
  const sources = await db
    .selectFrom('answers')
    .innerJoin('organisations', 'organisations.id', 'answers.organisationId')
    .select(['organisations.name', 'organisations.type'])
    .distinct()
    .where('answers.roundId', '=', round.row.id)
    .where('answers.countryCode', 'in', countries.length ? countries : [''])
    .where('answers.status', 'in', ['submitted', 'validated'])
    .orderBy('organisations.name')
    .execute()
  return {
    frameworkLabel: version.row.label,
    frameworkName: parseJson<LocalizedText>(version.framework.name, {}),
    focusTopic: round.row.focusTopic,
    focusLabel: parseJson<LocalizedText>(round.row.focusLabel, {}),
    redFlagCeiling: options.redFlagCeiling,
    disclosureThreshold: threshold,
    sourcesConsulted: sources.map((s) => ({ organisation: s.name, organisationType: s.type })),
    dataGaps,
  }
}
