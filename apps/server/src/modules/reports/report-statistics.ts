import {
  type AnswerValue,
  type Indicator,
  isPersonCount,
  type ReportStatistics,
  STATISTIC_DIMENSIONS,
  type StatisticCell,
} from '@thbm/shared'
import { z } from 'zod'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import { codesInEarlierVersion } from '../frameworks/diff-versions.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import { roundRef } from './report-common.ts'

// Schemas are built once: building one costs far more than parsing with it.
const StringList = z.array(z.string()).catch([])
const ids = (json: string) => StringList.parse(parseJson(json, []))

/** Keys the annex shows: a victim status alone, or one breakdown dimension (crossed with victim status when present). */
function shownKey(key: string, hasStatus: boolean): boolean {
  const parts = key.split(';').map((p) => p.split('=')[0] ?? '')
  const dims = parts.filter((d) => d !== 'victim_status')
  const status = parts.includes('victim_status')
  if (hasStatus && !status) return false
  return dims.length === 0
    ? status
    : dims.length === 1 && (STATISTIC_DIMENSIONS as readonly string[]).includes(dims[0] ?? '')
}

/**
 * The statistics of person-count indicators for the given countries over the given rounds (oldest first), from
 * validated assessments: the consolidated figure as `total` (or, when the figure is split by victim status only, the
 * sum of the split), and the breakdown of the source answer it was taken from (the source whose figure equals the
 * consolidated one, else the first source). Earlier rounds on another
 * framework version are matched through lineage when an indicator continues exactly one earlier indicator. Without
 * breakdowns (the regional report's key statistics) only totals and the identified/presumed split are kept.
 */
export async function reportStatistics(
  db: Database,
  rounds: LoadedRound[],
  countryCodes: string[],
  indicators: Indicator[],
  reportVersionId: string,
  options: { breakdowns: boolean } = { breakdowns: true },
): Promise<ReportStatistics> {
  const persons = indicators.filter(isPersonCount)
  const byCode = new Map(persons.map((p) => [p.code, p]))
  // Which earlier code each indicator had, per framework version (rounds on one version share the lineage).
  const mappings = new Map<string, Map<string, string>>()
  for (const round of rounds) {
    const versionId = round.row.frameworkVersionId
    if (mappings.has(versionId)) continue
    const codeIn = new Map<string, string>()
    for (const ind of persons) {
      const earlier = await codesInEarlierVersion(db, versionId, reportVersionId, ind.code)
      if (earlier.length === 1 && earlier[0]) codeIn.set(earlier[0], ind.code)
    }
    mappings.set(versionId, codeIn)
  }
  const wanted = rounds.filter((r) => (mappings.get(r.row.frameworkVersionId)?.size ?? 0) > 0)
  const rows = wanted.length
    ? await db
        .selectFrom('assessments')
        .select(['roundId', 'countryCode', 'indicatorCode', 'value', 'sourceAnswerIds', 'noData'])
        .where(
          'roundId',
          'in',
          wanted.map((r) => r.row.id),
        )
        .where('scorer', '=', 'primary')
        .where('status', '=', 'validated')
        .where('countryCode', 'in', countryCodes.length ? countryCodes : [''])
        .where('indicatorCode', 'in', [
          ...new Set(wanted.flatMap((r) => [...(mappings.get(r.row.frameworkVersionId)?.keys() ?? [])])),
        ])
        .execute()
    : []
  const figures = new Map(rows.map((r) => [r, parseJson<AnswerValue | null>(r.value, null)?.number ?? null]))
  const answerIds = rows.flatMap((r) => (r.noData === 1 ? [] : ids(r.sourceAnswerIds)))
  const numbers = new Map<string, number | null>()
  for (const chunk of chunks([...new Set(answerIds)]))
    for (const a of await db.selectFrom('answers').select(['id', 'valueNumber']).where('id', 'in', chunk).execute())
      numbers.set(a.id, a.valueNumber)
  const chosen = new Map(rows.map((r) => [r, chosenSource(ids(r.sourceAnswerIds), numbers, figures.get(r) ?? null)]))
  const cellsOf = new Map<string, { cellKey: string; value: number }[]>()
  for (const chunk of chunks([...new Set([...chosen.values()].filter((id): id is string => id !== null))]))
    for (const c of await db
      .selectFrom('answerCells')
      .select(['answerId', 'cellKey', 'value'])
      .where('answerId', 'in', chunk)
      // Without breakdowns only single-dimension keys (victim status) are used: leave the crossed ones in the table.
      .$if(!options.breakdowns, (q) => q.where('cellKey', 'not like', '%;%'))
      .orderBy('answerId')
      .orderBy('cellKey')
      .execute()) {
      const list = cellsOf.get(c.answerId) ?? []
      list.push({ cellKey: c.cellKey, value: c.value })
      cellsOf.set(c.answerId, list)
    }

  const cells: StatisticCell[] = []
  for (const round of wanted) {
    const codeIn = mappings.get(round.row.frameworkVersionId) as Map<string, string>
    const inRound = rows
      .filter((r) => r.roundId === round.row.id)
      .sort((a, b) => compare(a.countryCode, b.countryCode) || compare(a.indicatorCode, b.indicatorCode))
    for (const row of inRound) {
      const code = codeIn.get(row.indicatorCode)
      const ind = code === undefined ? undefined : byCode.get(code)
      if (!code || !ind || row.noData === 1) continue
      const figure = figures.get(row) ?? null
      const base = `${row.countryCode}|${round.row.id}|${code}`
      const cell = (key: string, v: number): StatisticCell => ({
        id: `${base}|${key}`,
        indicatorCode: code,
        countryCode: row.countryCode,
        roundId: round.row.id,
        key,
        value: v,
      })
      const source = chosen.get(row) ?? null
      const hasStatus = ind.disaggregations.includes('victim_status')
      const answerCells = source ? (cellsOf.get(source) ?? []) : []
      const statusSum = answerCells
        .filter((c) => /^victim_status=[a-z_]+$/.test(c.cellKey))
        .reduce((sum, c) => sum + c.value, 0)
      const total = figure ?? (hasStatus && answerCells.length ? statusSum : null)
      if (total === null) continue
      cells.push(cell('total', total))
      if (!options.breakdowns && !hasStatus) continue
      for (const c of answerCells)
        if (shownKey(c.cellKey, hasStatus) && (options.breakdowns || !c.cellKey.includes(';')))
          cells.push(cell(c.cellKey, c.value))
    }
  }
  return {
    indicators: persons.map((p) => ({
      code: p.code,
      title: p.title,
      dimensions: options.breakdowns
        ? p.disaggregations.filter((d) => (STATISTIC_DIMENSIONS as readonly string[]).includes(d))
        : [],
    })),
    rounds: rounds.map((r) => roundRef(r.row)),
    cells,
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Id lists split so that no statement binds too many parameters (SQLite's limit is the lowest). */
function chunks(list: string[], size = 2000): string[][] {
  const out: string[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/** The source answer whose figure the expert kept (by its own figure), else the first source that exists. */
function chosenSource(answerIds: string[], numbers: Map<string, number | null>, figure: number | null): string | null {
  const existing = answerIds.filter((id) => numbers.has(id))
  return existing.find((id) => figure !== null && numbers.get(id) === figure) ?? existing[0] ?? null
}
