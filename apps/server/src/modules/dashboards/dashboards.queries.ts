import {
  type AnswerValue,
  type AreaScores,
  type CountryProfile,
  FOLLOW_UP_OPEN,
  type IndicatorExplorer,
  RECOMMENDATION_PRIORITIES,
  type RoundOverview,
} from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import { notFound } from '../../errors.ts'
import { can } from '../../policies.ts'
import { areaScoresOf } from '../assessments/scores.ts'
import { codesInEarlierVersion } from '../frameworks/diff-versions.ts'
import { type LoadedVersion, loadVersion } from '../frameworks/frameworks.queries.ts'
import { implementationOf } from '../recommendations/implementation.ts'
import { listRecommendations, presentRecommendations } from '../recommendations/recommendations.queries.ts'
import { countryNames, roundRef } from '../reports/report-common.ts'
import { reportStatistics } from '../reports/report-statistics.ts'
import { countryProgress } from '../rounds/progress.ts'
import { type LoadedRound, loadRound } from '../rounds/rounds.queries.ts'

async function roundsOf(db: Database, countryCode: string | null): Promise<LoadedRound[]> {
  let q = db.selectFrom('rounds').select('rounds.id').where('rounds.status', '!=', 'planning')
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
  const out: LoadedRound[] = []
  for (const { id } of await q.orderBy('rounds.periodTo').execute()) {
    const r = await loadRound(db, id)
    if (r) out.push(r)
  }
  return out
}

/** A country's profile over every round it took part in (validated scores, provisional ones beside them). */
export async function countryProfile(db: Database, countryCode: string): Promise<CountryProfile> {
  const names = (await countryNames(db, [countryCode])).get(countryCode)
  if (!names) throw notFound('Country not found')
  const rounds = await roundsOf(db, countryCode)
  const profileRounds: CountryProfile['rounds'] = []
  const versions = new Map<string, LoadedVersion>()
  for (const round of rounds) {
    const id = round.row.frameworkVersionId
    const version = versions.get(id) ?? (await loadVersion(db, id))
    versions.set(id, version)
    const scores = (await areaScoresOf(db, round, [countryCode], version)).get(countryCode) as AreaScores
    profileRounds.push({
      ...roundRef(round.row),
      status: round.row.status,
      areas: scores.areas.map((a) => ({
        code: a.area,
        title: version.areas.find((x) => x.code === a.area)?.title ?? { en: a.area },
        score: a.score,
        provisionalScore: a.provisionalScore,
      })),
    })
  }
  const latest = rounds.at(-1)
  const version = latest ? (versions.get(latest.row.frameworkVersionId) ?? null) : null
  const recs = await presentRecommendations(db, await listRecommendations(db, countryCode))
  const open = recs.filter((r) => r.latestStatus === null || FOLLOW_UP_OPEN.includes(r.latestStatus))
  const implementation = await implementationOf(db, countryCode)
  return {
    country: { code: countryCode, names },
    rounds: profileRounds,
    statistics:
      latest && version
        ? // The profile charts totals and the identified/presumed split: crossed breakdowns stay in the reports.
          await reportStatistics(db, rounds, [countryCode], version.indicators, latest.row.frameworkVersionId, {
            breakdowns: false,
          })
        : { indicators: [], rounds: [], cells: [] },
    openRecommendations: RECOMMENDATION_PRIORITIES.map((priority) => ({
      priority,
      count: open.filter((r) => r.priority === priority).length,
    })),
    implementation: implementation.byRound.map((b) => ({
      round: { ...b.round, periodFrom: rounds.find((r) => r.row.id === b.round.id)?.row.periodFrom ?? '' },
      rate: b.rate,
      counted: b.counted,
    })),
  }
}

/** A round across the countries the actor sees. */
export async function roundOverview(
  db: Database,
  actor: Actor,
  round: LoadedRound,
  today: string,
): Promise<RoundOverview> {
  const version = await loadVersion(db, round.row.frameworkVersionId)
  const visible = round.countries.filter((c) => can(actor, 'report.readNational', { countryCode: c }))
  const names = await countryNames(db, visible)
  const areaCodes = new Set(
    (
      await db.selectFrom('roundIndicators').select('areaCode').distinct().where('roundId', '=', round.row.id).execute()
    ).map((r) => r.areaCode),
  )
  const areas = version.areas.filter((a) => areaCodes.has(a.code))
  const countries: RoundOverview['countries'] = []
  const scoresOf = await areaScoresOf(db, round, visible, version)
  for (const code of visible) {
    const scores = scoresOf.get(code) as AreaScores
    const progress = await countryProgress(db, actor, round, code, today)
    const implementation = (await implementationOf(db, code)).byRound.find((b) => b.round.id === round.row.id)
    countries.push({
      code,
      names: names.get(code) ?? {},
      areaScores: areas.map((a) => {
        const s = scores.areas.find((x) => x.area === a.code)
        return { areaCode: a.code, score: s?.score ?? null, provisionalScore: s?.provisionalScore ?? null }
      }),
      indicators: progress.indicators.length,
      completeness: progress.completeness,
      late: progress.late,
      validated: scores.areas.reduce((n, a) => n + a.validated, 0),
      implementationRate: implementation?.rate ?? null,
    })
  }
  return {
    round: { ...roundRef(round.row), status: round.row.status },
    areas: areas.map((a) => ({ code: a.code, title: a.title })),
    countries,
  }
}

/** One indicator across the countries the actor sees and every round, following lineage to earlier versions. */
export async function indicatorExplorer(
  db: Database,
  actor: Actor,
  code: string,
  versionId: string | undefined,
): Promise<IndicatorExplorer> {
  const vId =
    versionId ??
    (
      await db
        .selectFrom('frameworkVersions')
        .select('id')
        .where('status', '=', 'published')
        .orderBy('publishedAt', 'desc')
        .executeTakeFirst()
    )?.id
  if (!vId) throw notFound('No published framework version')
  const version = await loadVersion(db, vId)
  const ind = version.indicators.find((i) => i.code === code)
  if (!ind) throw notFound(`Indicator ${code} is not in version ${version.row.label}`)
  const rows: IndicatorExplorer['rows'] = []
  for (const round of await roundsOf(db, null)) {
    const codes = await codesInEarlierVersion(db, round.row.frameworkVersionId, vId, code).catch(() => [])
    if (codes.length === 0) continue
    const assessments = await db
      .selectFrom('assessments')
      .select(['countryCode', 'indicatorCode', 'status', 'noData', 'value', 'normalisedScore'])
      .where('roundId', '=', round.row.id)
      .where('scorer', '=', 'primary')
      .where('status', 'in', ['submitted', 'validated'])
      .where('indicatorCode', 'in', codes)
      .orderBy('countryCode')
      .execute()
    for (const a of assessments) {
      if (!can(actor, 'report.readNational', { countryCode: a.countryCode })) continue
      const value = parseJson<AnswerValue | null>(a.value, null)
      rows.push({
        round: roundRef(round.row),
        countryCode: a.countryCode,
        codeInRound: a.indicatorCode,
        status: a.status,
        noData: a.noData === 1,
        number: value?.number ?? null,
        choice: value?.choice ?? null,
        numerator: value?.numerator ?? null,
        denominator: value?.denominator ?? null,
        normalisedScore: a.normalisedScore,
      })
    }
  }
  return { versionId: vId, code, title: ind.title, measurementType: ind.measurement.type, rows }
}
