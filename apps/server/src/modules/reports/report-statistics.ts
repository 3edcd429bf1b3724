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

const ids = (json: string) => z.array(z.string()).catch([]).parse(parseJson(json, []))

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
  const cells: StatisticCell[] = []
  for (const round of rounds) {
    const codeIn = new Map<string, string>()
    for (const ind of persons) {
      const earlier = await codesInEarlierVersion(db, round.row.frameworkVersionId, reportVersionId, ind.code)
      if (earlier.length === 1 && earlier[0]) codeIn.set(earlier[0], ind.code)
    }
    if (codeIn.size === 0) continue
    const rows = await db
      .selectFrom('assessments')
      .select(['countryCode', 'indicatorCode', 'value', 'sourceAnswerIds', 'noData'])
      .where('roundId', '=', round.row.id)
      .where('scorer', '=', 'primary')
      .where('status', '=', 'validated')
      .where('countryCode', 'in', countryCodes.length ? countryCodes : [''])
      .where('indicatorCode', 'in', [...codeIn.keys()])
      .execute()
    for (const row of rows) {
      const code = codeIn.get(row.indicatorCode)
      const ind = persons.find((p) => p.code === code)
      if (!code || !ind || row.noData === 1) continue
      const figure = parseJson<AnswerValue | null>(row.value, null)?.number ?? null
      const base = `${row.countryCode}|${round.row.id}|${code}`
      const cell = (key: string, v: number): StatisticCell => ({
        id: `${base}|${key}`,
        indicatorCode: code,
        countryCode: row.countryCode,
        roundId: round.row.id,
        key,
        value: v,
      })
      const source = await chosenSource(db, ids(row.sourceAnswerIds), figure)
      const hasStatus = ind.disaggregations.includes('victim_status')
      const answerCells = source
        ? await db
            .selectFrom('answerCells')
            .select(['cellKey', 'value'])
            .where('answerId', '=', source)
            .orderBy('cellKey')
            .execute()
        : []
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

/** The source answer whose figure the expert kept (by its own figure), else the first source. */
async function chosenSource(db: Database, answerIds: string[], figure: number | null): Promise<string | null> {
  if (answerIds.length === 0) return null
  const answers = await db.selectFrom('answers').select(['id', 'valueNumber']).where('id', 'in', answerIds).execute()
  const order = (id: string) => answerIds.indexOf(id)
  answers.sort((a, b) => order(a.id) - order(b.id))
  return (answers.find((a) => figure !== null && a.valueNumber === figure) ?? answers[0])?.id ?? null
}
