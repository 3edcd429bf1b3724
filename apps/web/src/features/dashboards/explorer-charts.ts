import type { IndicatorExplorer, LinesChartSpec } from '@thbm/shared'
import type { TFunction } from 'i18next'
import { sortByName } from '../../components/names.ts'

type Row = IndicatorExplorer['rows'][number]

/** Counts and amounts are charted as their figure; every other measurement as its normalised score (0-100). */
export const chartsNumber = (measurementType: string): boolean =>
  measurementType === 'count' || measurementType === 'amount'

/** The explorer's rounds, oldest first. */
export function explorerRounds(rows: readonly Row[]): Row['round'][] {
  const byId = new Map(rows.map((r) => [r.round.id, r.round]))
  return [...byId.values()].sort((a, b) => a.periodTo.localeCompare(b.periodTo))
}

/** Rows ordered by round (oldest first), then country name, then code. */
export function sortRows(rows: readonly Row[], countryName: (code: string) => string, locale?: string): Row[] {
  const collator = new Intl.Collator(locale)
  return [...rows].sort(
    (a, b) =>
      a.round.periodTo.localeCompare(b.round.periodTo) ||
      collator.compare(countryName(a.countryCode), countryName(b.countryCode)) ||
      a.codeInRound.localeCompare(b.codeInRound),
  )
}

/**
 * One value per round and country. When lineage maps the indicator to several earlier codes (a merge), their
 * figures are added up and their scores averaged.
 */
function pointOf(rows: readonly Row[], byNumber: boolean): number | null {
  const values = rows
    .filter((r) => !r.noData)
    .map((r) => (byNumber ? r.number : r.normalisedScore))
    .filter((v): v is number => v !== null)
  if (values.length === 0) return null
  const sum = values.reduce((s, v) => s + v, 0)
  return byNumber ? sum : Math.round((sum / values.length) * 10) / 10
}

/** The indicator over rounds, one line per country. */
export function explorerSpec(
  explorer: IndicatorExplorer,
  title: string,
  countryName: (code: string) => string,
  t: TFunction,
  locale?: string,
): LinesChartSpec {
  const byNumber = chartsNumber(explorer.measurementType)
  const rounds = explorerRounds(explorer.rows)
  const countries = sortByName([...new Set(explorer.rows.map((r) => r.countryCode))], countryName, locale ?? 'en')
  return {
    kind: 'lines',
    title: t('dashboards:explorer.chartTitle', { code: explorer.code, title }),
    categoryLabel: t('dashboards:common.round'),
    valueLabel: byNumber ? t('dashboards:explorer.valueNumber') : t('dashboards:common.score'),
    categories: rounds.map((r) => r.name),
    series: countries.map((country) => ({
      name: countryName(country),
      values: rounds.map((round) =>
        pointOf(
          explorer.rows.filter((r) => r.countryCode === country && r.round.id === round.id),
          byNumber,
        ),
      ),
    })),
    max: byNumber ? undefined : 100,
    noDataLabel: t('dashboards:common.noData'),
  }
}

/** Whether a spec has anything to draw (a count broken down by victim status has no single figure). */
export const hasValues = (spec: LinesChartSpec): boolean => spec.series.some((s) => s.values.some((v) => v !== null))
