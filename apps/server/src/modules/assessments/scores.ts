import { type AreaScores, areaScore, RoundOptionsSchema, rawScoreOf } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import { loadAdaptation } from '../frameworks/adaptations.ts'
import { type LoadedVersion, loadVersion } from '../frameworks/frameworks.queries.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { type AssessmentRow, assessmentBody } from './assessments.queries.ts'

/**
 * Area scores of a country in a round by the shared method (weighted mean of 0-100 indicator scores, no-data
 * excluded and counted, red-flag cap): from validated assessments, and provisionally with submitted ones too.
 */
export async function areaScores(db: Database, round: LoadedRound, countryCode: string): Promise<AreaScores> {
  return (await areaScoresOf(db, round, [countryCode])).get(countryCode) as AreaScores
}

/**
 * Area scores of several countries in one round, as `areaScores` gives each: the version is loaded once and the
 * lists and assessments of every country come in one query each (dashboards and the regional report).
 */
export async function areaScoresOf(
  db: Database,
  round: LoadedRound,
  countryCodes: string[],
  loaded?: LoadedVersion,
): Promise<Map<string, AreaScores>> {
  const out = new Map<string, AreaScores>()
  if (countryCodes.length === 0) return out
  const options = RoundOptionsSchema.parse(parseJson(round.row.options, {}))
  const version =
    loaded?.row.id === round.row.frameworkVersionId ? loaded : await loadVersion(db, round.row.frameworkVersionId)
  const adapted = new Set(
    (
      await db
        .selectFrom('adaptations')
        .select('countryCode')
        .where('versionId', '=', round.row.frameworkVersionId)
        .where('countryCode', 'in', countryCodes)
        .execute()
    ).map((a) => a.countryCode),
  )
  const listedRows = await db
    .selectFrom('roundIndicators')
    .select(['countryCode', 'indicatorCode', 'areaCode'])
    .where('roundId', '=', round.row.id)
    .where('countryCode', 'in', countryCodes)
    .orderBy('position')
    .execute()
  const assessmentRows = await db
    .selectFrom('assessments')
    .selectAll()
    .where('roundId', '=', round.row.id)
    .where('countryCode', 'in', countryCodes)
    .where('scorer', '=', 'primary')
    .execute()
  const ceiling = { redFlagCeiling: options.redFlagCeiling }
  const listedBy = groupBy(listedRows, (l) => l.countryCode)
  const assessedBy = groupBy(assessmentRows, (r) => r.countryCode)
  for (const countryCode of countryCodes) {
    // Only a country with an adaptation can have national extra indicators.
    const extras = adapted.has(countryCode)
      ? (await loadAdaptation(db, round.row.frameworkVersionId, countryCode)).extraIndicators
      : []
    const listed = listedBy.get(countryCode) ?? []
    const byCode = new Map((assessedBy.get(countryCode) ?? []).map((r) => [r.indicatorCode, r]))
    const indicators = new Map([...version.indicators, ...extras].map((i) => [i.code, i]))
    const areas = [...new Set(listed.map((l) => l.areaCode))]
    out.set(countryCode, {
      method: ceiling,
      areas: areas.map((area) => {
        const codes = listed.filter((l) => l.areaCode === area).map((l) => l.indicatorCode)
        const items = (accept: (r: AssessmentRow | undefined) => boolean) =>
          codes.flatMap((code) => {
            const ind = indicators.get(code)
            if (!ind) return []
            const row = byCode.get(code)
            const raw = row && accept(row) ? rawScoreOf(ind, assessmentBody(row)) : null
            return [{ code, weight: ind.weight, redFlag: ind.redFlag, measurement: ind.measurement, raw }]
          })
        const official = areaScore(
          items((r) => r?.status === 'validated'),
          ceiling,
        )
        const provisional = areaScore(
          items((r) => r?.status === 'validated' || r?.status === 'submitted'),
          ceiling,
        )
        const states = codes.map((c) => byCode.get(c)?.status)
        return {
          area,
          total: codes.length,
          validated: states.filter((s) => s === 'validated').length,
          submitted: states.filter((s) => s === 'submitted').length,
          score: official.score,
          uncappedScore: official.uncappedScore,
          provisionalScore: provisional.score,
          scoredCount: official.scoredCount,
          excludedCount: official.excludedCount,
          notScoredCount: official.notScoredCount,
          cappedBy: official.cappedBy,
        }
      }),
    })
  }
  return out
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const list = out.get(key(row))
    if (list) list.push(row)
    else out.set(key(row), [row])
  }
  return out
}
