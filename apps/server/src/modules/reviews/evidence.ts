import {
  detectDiscrepancy,
  type IndicatorDoc,
  type IndicatorEvidence,
  RoundOptionsSchema,
  type SourceAnswer,
} from '@thbm/shared'
import { z } from 'zod'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import { type LoadedVersion, loadVersion } from '../frameworks/frameworks.queries.ts'

/** Rounds whose collection has ended: their validated assessments and submitted answers are evidence. */
const PAST = ['reviewing', 'published', 'archived']

const key = (...parts: string[]) => parts.join('|')
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole)

/** The reviewed version and the versions it was made from, newest first. */
async function lineageOfVersions(db: Database, version: LoadedVersion): Promise<LoadedVersion[]> {
  const out = [version]
  let current = version
  while (current.row.basedOnId && out.length < 50) {
    current = await loadVersion(db, current.row.basedOnId)
    out.push(current)
  }
  return out
}

/**
 * Evidence from monitoring beside each indicator of the reviewed version, from the rounds on it or on the versions it
 * was made from (matched by code): how often countries had data, how often they said none was available, how far
 * apart the countries' scores were in the latest round, how many recommendations name it, and how often the sources
 * disagreed. Aggregates only.
 */
export async function reviewEvidence(db: Database, version: LoadedVersion): Promise<IndicatorEvidence[]> {
  const versions = await lineageOfVersions(db, version)
  const docs = new Map(versions.map((v) => [v.row.id, new Map(v.indicators.map((i) => [i.code, i as IndicatorDoc]))]))
  const rounds = await db
    .selectFrom('rounds')
    .select(['id', 'frameworkVersionId', 'periodTo', 'options'])
    .where('frameworkVersionId', 'in', [...docs.keys()])
    .where('status', 'in', PAST)
    .orderBy('periodTo')
    .execute()
  const roundIds = rounds.map((r) => r.id)
  const [listed, assessments, answers, cells, recommendations] = roundIds.length
    ? await Promise.all([
        db
          .selectFrom('roundIndicators')
          .select(['roundId', 'countryCode', 'indicatorCode'])
          .where('roundId', 'in', roundIds)
          .execute(),
        db
          .selectFrom('assessments')
          .select(['roundId', 'countryCode', 'indicatorCode', 'noData', 'normalisedScore'])
          .where('roundId', 'in', roundIds)
          .where('scorer', '=', 'primary')
          .where('status', '=', 'validated')
          .execute(),
        db
          .selectFrom('answers')
          .selectAll()
          .where('roundId', 'in', roundIds)
          .where('status', 'in', ['submitted', 'validated'])
          .execute(),
        db
          .selectFrom('answerCells')
          .innerJoin('answers', 'answers.id', 'answerCells.answerId')
          .select(['answerCells.answerId', 'answerCells.cellKey', 'answerCells.value'])
          .where('answers.roundId', 'in', roundIds)
          .where('answerCells.cellKey', 'like', 'victim_status=%')
          .execute(),
        db.selectFrom('recommendations').select('indicatorCodes').execute(),
      ])
    : [[], [], [], [], await db.selectFrom('recommendations').select('indicatorCodes').execute()]

  const assessed = new Map(assessments.map((a) => [key(a.roundId, a.countryCode, a.indicatorCode), a]))
  const cellsOf = new Map<string, { key: string; value: number }[]>()
  for (const c of cells)
    cellsOf.set(c.answerId, [...(cellsOf.get(c.answerId) ?? []), { key: c.cellKey, value: c.value }])
  const sources = new Map<string, SourceAnswer[]>()
  for (const a of answers) {
    const k = key(a.roundId, a.countryCode, a.indicatorCode)
    sources.set(k, [
      ...(sources.get(k) ?? []),
      {
        id: a.id,
        status: a.status as SourceAnswer['status'],
        noData: a.noData === 1,
        value: {
          choice: a.valueChoice,
          number: a.valueNumber,
          numerator: a.valueNumerator,
          denominator: a.valueDenominator,
          text: a.valueText,
        },
        cells: cellsOf.get(a.id) ?? [],
      },
    ])
  }
  const recommended = new Map<string, number>()
  for (const r of recommendations)
    for (const code of new Set(z.array(z.string()).catch([]).parse(parseJson(r.indicatorCodes, []))))
      recommended.set(code, (recommended.get(code) ?? 0) + 1)
  const roundOf = new Map(rounds.map((r) => [r.id, r]))
  const shareOf = new Map(
    rounds.map((r) => [r.id, RoundOptionsSchema.parse(parseJson(r.options, {})).discrepancyShare]),
  )

  return version.indicators.map((ind) => {
    const pairs = listed.filter((l) => l.indicatorCode === ind.code)
    let withData = 0
    let noData = 0
    let comparable = 0
    let discrepant = 0
    for (const p of pairs) {
      const k = key(p.roundId, p.countryCode, p.indicatorCode)
      const a = assessed.get(k)
      if (a?.noData === 1) noData++
      else if (a) withData++
      const given = (sources.get(k) ?? []).filter((s) => !s.noData)
      const round = roundOf.get(p.roundId)
      const doc = round ? (docs.get(round.frameworkVersionId)?.get(ind.code) ?? ind) : ind
      if (given.length >= 2) {
        comparable++
        if (detectDiscrepancy(doc, given, shareOf.get(p.roundId) ?? 0.1).kind !== 'none') discrepant++
      }
    }
    const roundsListed = [...new Set(pairs.map((p) => p.roundId))]
    const latest = roundsListed
      .sort((a, b) => (roundOf.get(a)?.periodTo ?? '').localeCompare(roundOf.get(b)?.periodTo ?? ''))
      .at(-1)
    const scores = assessments
      .filter(
        (a) => a.roundId === latest && a.indicatorCode === ind.code && a.noData !== 1 && a.normalisedScore !== null,
      )
      .map((a) => a.normalisedScore as number)
    return {
      code: ind.code,
      rounds: roundsListed.length,
      listed: pairs.length,
      dataShare: share(withData, pairs.length),
      noDataRate: share(noData, pairs.length),
      scoreSpread: scores.length >= 2 ? Math.max(...scores) - Math.min(...scores) : null,
      recommendations: recommended.get(ind.code) ?? 0,
      discrepancyRate: share(discrepant, comparable),
    }
  })
}
