import {
  type AnswerValue,
  EvidenceInputSchema,
  isPersonCount,
  type NationalReportData,
  type ReportEvidence,
  type ReportIndicator,
  type ReportRecommendation,
} from '@thbm/shared'
import { z } from 'zod'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import { invalidState } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { areaScores } from '../assessments/scores.ts'
import { listNarratives } from '../discussion/narratives.ts'
import { loadAdaptation } from '../frameworks/adaptations.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import { carriedOver, listRecommendations, presentRecommendations } from '../recommendations/recommendations.queries.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { countryNames, earlierRounds, reportMethod, roundRef } from './report-common.ts'
import { reportStatistics } from './report-statistics.ts'

// Schemas are built once: building one costs far more than parsing with it.
const StringList = z.array(z.string()).catch([])
const EvidenceList = z.array(EvidenceInputSchema).catch([])
const ids = (json: string) => StringList.parse(parseJson(json, []))
const STATISTIC_ROUNDS = 5

/**
 * The national report of a country in a round, from validated assessments only (an indicator without one is listed
 * as not validated). 409 when nothing is validated yet, naming what is missing.
 */
export async function buildNationalReport(
  db: Database,
  round: LoadedRound,
  countryCode: string,
  disclosureThreshold: number,
): Promise<NationalReportData> {
  const roundId = round.row.id
  const listed = await db
    .selectFrom('roundIndicators')
    .select(['indicatorCode', 'areaCode'])
    .where('roundId', '=', roundId)
    .where('countryCode', '=', countryCode)
    .orderBy('position')
    .execute()
  const assessments = await db
    .selectFrom('assessments')
    .selectAll()
    .where('roundId', '=', roundId)
    .where('countryCode', '=', countryCode)
    .where('scorer', '=', 'primary')
    .where('status', '=', 'validated')
    .execute()
  if (assessments.length === 0)
    throw invalidState(`${countryCode} has no validated assessment in this round yet`, {
      missing: listed.map((l) => ({ countryCode, indicatorCode: l.indicatorCode, problem: 'not_validated' })),
    })
  const version = await loadVersion(db, round.row.frameworkVersionId)
  const extras = (await loadAdaptation(db, round.row.frameworkVersionId, countryCode)).extraIndicators
  const indicators = new Map([...version.indicators, ...extras].map((i) => [i.code, i]))
  const byCode = new Map(assessments.map((a) => [a.indicatorCode, a]))
  const sources = await sourcesOf(
    db,
    assessments.flatMap((a) => ids(a.sourceAnswerIds)),
  )
  const evidence = await answerEvidence(
    db,
    assessments.flatMap((a) => ids(a.answerEvidenceIds)),
  )

  const scores = await areaScores(db, round, countryCode)
  const previous = (await earlierRounds(db, round, countryCode, 1))[0] ?? null
  const previousScores = previous ? await areaScores(db, previous, countryCode) : null
  const narratives = await listNarratives(db, roundId, countryCode)
  const narrative = (kind: string, area = '') =>
    narratives.find((n) => n.kind === kind && n.areaCode === area)?.html ?? ''

  const indicatorRow = (code: string, areaCode: string): ReportIndicator[] => {
    const ind = indicators.get(code)
    if (!ind) return []
    const a = byCode.get(code)
    return [
      {
        code,
        areaCode,
        title: ind.title,
        measurement: ind.measurement,
        isRedFlag: ind.redFlag,
        weight: ind.weight,
        personCount: isPersonCount(ind),
        validated: Boolean(a),
        noData: a?.noData === 1,
        noDataReason: a?.noDataReason ?? null,
        value: a ? parseJson<AnswerValue | null>(a.value, null) : null,
        score: a?.score ?? null,
        normalisedScore: a?.normalisedScore ?? null,
        confidence: a?.confidence ?? null,
        dataGaps: a?.dataGaps ?? null,
        justification: a?.justification ?? null,
        sources: a ? ids(a.sourceAnswerIds).flatMap((id) => sources.get(id) ?? []) : [],
        evidence: a
          ? [
              ...ids(a.answerEvidenceIds).flatMap((id) => evidence.get(id) ?? []),
              ...EvidenceList.parse(parseJson(a.evidence, [])).map((e) => ({
                title: e.title,
                url: e.url,
                citation: e.citation,
                isFile: e.kind === 'file',
                internal: e.internal,
              })),
            ]
          : [],
      },
    ]
  }

  const areaCodes = [...new Set(listed.map((l) => l.areaCode))]
  const rounds = [round, ...(await earlierRounds(db, round, countryCode, STATISTIC_ROUNDS - 1))].reverse()
  const listedIndicators = listed.flatMap((l) => indicators.get(l.indicatorCode) ?? [])
  const statistics = await reportStatistics(db, rounds, [countryCode], listedIndicators, round.row.frameworkVersionId)
  // A count split only by victim status has its total in the statistics: show it as the indicator's value too.
  const totalOf = (code: string) =>
    statistics.cells.find((c) => c.roundId === roundId && c.indicatorCode === code && c.key === 'total')?.value
  const withTotal = (i: ReportIndicator): ReportIndicator => {
    const total = totalOf(i.code)
    return i.personCount && i.value && i.value.number === null && total !== undefined
      ? { ...i, value: { ...i.value, number: total } }
      : i
  }
  return {
    kind: 'national',
    generatedAt: nowIso(),
    round: { ...roundRef(round.row), status: round.row.status },
    country: { code: countryCode, names: (await countryNames(db, [countryCode])).get(countryCode) ?? {} },
    summaryHtml: narrative('summary'),
    conclusionHtml: narrative('conclusion'),
    method: await reportMethod(
      db,
      round,
      version,
      [countryCode],
      assessments
        .filter((a) => a.dataGaps?.trim())
        .map((a) => ({ indicatorCode: a.indicatorCode, text: a.dataGaps ?? '' })),
      disclosureThreshold,
    ),
    areas: areaCodes.map((areaCode) => {
      const score = scores.areas.find((s) => s.area === areaCode)
      const area = version.areas.find((a) => a.code === areaCode)
      return {
        code: areaCode,
        title: area?.title ?? { en: areaCode },
        score: score?.score ?? null,
        previousScore: previousScores?.areas.find((s) => s.area === areaCode)?.score ?? null,
        previousRound: previous ? roundRef(previous.row) : null,
        scoredCount: score?.scoredCount ?? 0,
        excludedCount: score?.excludedCount ?? 0,
        notScoredCount: score?.notScoredCount ?? 0,
        cappedBy: score?.cappedBy ?? null,
        findingHtml: narrative('finding', areaCode),
        indicators: listed
          .filter((l) => l.areaCode === areaCode)
          .flatMap((l) => indicatorRow(l.indicatorCode, areaCode))
          .map(withTotal),
      }
    }),
    ...(await recommendationsOf(db, round, countryCode)),
    statistics,
  }
}

async function recommendationsOf(db: Database, round: LoadedRound, countryCode: string) {
  const roundsById = new Map(
    (await db.selectFrom('rounds').select(['id', 'name', 'periodFrom', 'periodTo']).execute()).map((r) => [r.id, r]),
  )
  const ref = (id: string) => {
    const r = roundsById.get(id)
    return r ? roundRef(r) : { id, name: '', periodFrom: '', periodTo: '' }
  }
  const present = (r: Awaited<ReturnType<typeof presentRecommendations>>[number]): ReportRecommendation => {
    const here = r.followUps.find((f) => f.round.id === round.row.id)
    return {
      id: r.id,
      text: r.text,
      priority: r.priority,
      source: r.source,
      institutions: r.institutions,
      areaCodes: r.areaCodes,
      issuedRound: ref(r.issuedIn.id),
      status: here?.status ?? null,
      statusComment: here?.comment ?? null,
    }
  }
  const issued = await presentRecommendations(db, await listRecommendations(db, countryCode, round.row.id))
  const followed = await presentRecommendations(
    db,
    (await listRecommendations(db, countryCode)).filter((r) => r.issuedRoundId !== round.row.id),
  )
  const open = new Set((await carriedOver(db, round.row, countryCode)).map((r) => r.id))
  return {
    newRecommendations: issued.map(present),
    followUps: followed
      .filter((r) => open.has(r.id) || r.followUps.some((f) => f.round.id === round.row.id))
      .map(present),
  }
}

async function sourcesOf(db: Database, answerIds: string[]) {
  if (answerIds.length === 0) return new Map<string, { organisation: string; organisationType: string }>()
  const rows = await db
    .selectFrom('answers')
    .innerJoin('organisations', 'organisations.id', 'answers.organisationId')
    .select(['answers.id', 'organisations.name', 'organisations.type'])
    .where('answers.id', 'in', answerIds)
    .execute()
  return new Map(rows.map((r) => [r.id, { organisation: r.name, organisationType: r.type }]))
}

async function answerEvidence(db: Database, evidenceIds: string[]) {
  if (evidenceIds.length === 0) return new Map<string, ReportEvidence>()
  const rows = await db.selectFrom('evidence').selectAll().where('id', 'in', evidenceIds).execute()
  return new Map(
    rows.map((e) => [
      e.id,
      { title: e.title, url: e.url, citation: e.citation, isFile: e.kind === 'file', internal: e.internal === 1 },
    ]),
  )
}
