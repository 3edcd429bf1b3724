import { type AreaScores, areaScore, RoundOptionsSchema, rawScoreOf } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import { loadAdaptation } from '../frameworks/adaptations.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { type AssessmentRow, assessmentBody } from './assessments.queries.ts'

/**
 * Area scores of a country in a round by the shared method (weighted mean of 0-100 indicator scores, no-data
 * excluded and counted, red-flag cap): from validated assessments, and provisionally with submitted ones too.
 */
export async function areaScores(db: Database, round: LoadedRound, countryCode: string): Promise<AreaScores> {
  const options = RoundOptionsSchema.parse(parseJson(round.row.options, {}))
  const version = await loadVersion(db, round.row.frameworkVersionId)
  const extras = (await loadAdaptation(db, round.row.frameworkVersionId, countryCode)).extraIndicators
  const listed = await db
    .selectFrom('roundIndicators')
    .select(['indicatorCode', 'areaCode'])
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .orderBy('position')
    .execute()
  const rows = await db
    .selectFrom('assessments')
    .selectAll()
    .where('roundId', '=', round.row.id)
    .where('countryCode', '=', countryCode)
    .where('scorer', '=', 'primary')
    .execute()
  const byCode = new Map(rows.map((r) => [r.indicatorCode, r]))
  const indicators = new Map([...version.indicators, ...extras].map((i) => [i.code, i]))
  const areas = [...new Set(listed.map((l) => l.areaCode))]
  const ceiling = { redFlagCeiling: options.redFlagCeiling }
  return {
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
  }
}
