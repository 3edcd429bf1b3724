import { type AreaScores, type FollowUpStatus, implementationRate, type RegionalReportData } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { invalidState } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { areaScoresOf } from '../assessments/scores.ts'
import { listNarratives } from '../discussion/narratives.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { countryNames, earlierRounds, reportMethod, roundRef } from './report-common.ts'
import { reportStatistics } from './report-statistics.ts'

const STATISTIC_ROUNDS = 5

/**
 * The regional comparative report of a round: every country's area scores beside its previous round's, the
 * implementation rate of earlier recommendations followed up in this round, key statistics over the last rounds,
 * and the regional coordinator's texts. 409 when no country has a validated assessment, naming what is missing.
 */
export async function buildRegionalReport(
  db: Database,
  round: LoadedRound,
  disclosureThreshold: number,
): Promise<RegionalReportData> {
  const roundId = round.row.id
  const validated = await db
    .selectFrom('assessments')
    .select(['countryCode', 'indicatorCode', 'dataGaps'])
    .where('roundId', '=', roundId)
    .where('scorer', '=', 'primary')
    .where('status', '=', 'validated')
    .execute()
  if (validated.length === 0) {
    const listed = await db
      .selectFrom('roundIndicators')
      .select(['countryCode', 'indicatorCode'])
      .where('roundId', '=', roundId)
      .orderBy('countryCode')
      .orderBy('position')
      .execute()
    throw invalidState('No country has a validated assessment in this round yet', {
      missing: listed.map((l) => ({ ...l, problem: 'not_validated' })),
    })
  }
  const version = await loadVersion(db, round.row.frameworkVersionId)
  const names = await countryNames(db, round.countries)
  const listedAreas = new Set(
    (await db.selectFrom('roundIndicators').select('areaCode').distinct().where('roundId', '=', roundId).execute()).map(
      (r) => r.areaCode,
    ),
  )
  const areas = version.areas.filter((a) => listedAreas.has(a.code))
  const narratives = await listNarratives(db, roundId, 'region')
  const narrative = (kind: string, area = '') =>
    narratives.find((n) => n.kind === kind && n.areaCode === area)?.html ?? ''

  const countries: RegionalReportData['countries'] = []
  const scoresOf = await areaScoresOf(db, round, round.countries, version)
  // Each country's previous round (they can differ), and the scores there, one batch per previous round.
  const previousOf = new Map<string, LoadedRound | undefined>()
  for (const code of round.countries) previousOf.set(code, (await earlierRounds(db, round, code, 1))[0])
  const previousScores = new Map<string, AreaScores>()
  const previousRounds = new Map([...previousOf.values()].flatMap((r) => (r ? [[r.row.id, r] as const] : [])))
  for (const previous of previousRounds.values()) {
    const codes = round.countries.filter((c) => previousOf.get(c)?.row.id === previous.row.id)
    for (const [code, scores] of await areaScoresOf(db, previous, codes, version)) previousScores.set(code, scores)
  }
  for (const code of round.countries) {
    const scores = scoresOf.get(code) as AreaScores
    const previous = previousScores.get(code) ?? null
    const statuses = await db
      .selectFrom('followUps')
      .innerJoin('recommendations', 'recommendations.id', 'followUps.recommendationId')
      .select('followUps.status')
      .where('followUps.roundId', '=', roundId)
      .where('recommendations.countryCode', '=', code)
      .execute()
    const rate = implementationRate(statuses.map((s) => s.status as FollowUpStatus))
    countries.push({
      code,
      names: names.get(code) ?? {},
      areaScores: areas.map((a) => ({
        areaCode: a.code,
        score: scores.areas.find((s) => s.area === a.code)?.score ?? null,
        previousScore: previous?.areas.find((s) => s.area === a.code)?.score ?? null,
      })),
      implementationRate: rate.rate === null ? null : Math.round(rate.rate * 1000) / 10,
      followedUp: statuses.length,
    })
  }
  const rounds = [round, ...(await earlierRounds(db, round, null, STATISTIC_ROUNDS - 1))].reverse()
  return {
    kind: 'regional',
    generatedAt: nowIso(),
    round: { ...roundRef(round.row), status: round.row.status },
    summaryHtml: narrative('summary'),
    conclusionHtml: narrative('conclusion'),
    method: await reportMethod(
      db,
      round,
      version,
      round.countries,
      validated
        .filter((a) => a.dataGaps?.trim())
        .map((a) => ({ indicatorCode: `${a.countryCode} ${a.indicatorCode}`, text: a.dataGaps ?? '' })),
      disclosureThreshold,
    ),
    areas: areas.map((a) => ({ code: a.code, title: a.title, findingHtml: narrative('finding', a.code) })),
    countries,
    statistics: await reportStatistics(db, rounds, round.countries, version.indicators, round.row.frameworkVersionId, {
      breakdowns: false,
    }),
  }
}
