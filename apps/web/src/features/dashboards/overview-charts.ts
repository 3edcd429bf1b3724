import type { BarsChartSpec, HeatmapChartSpec, RoundOverview } from '@thbm/shared'
import type { TFunction } from 'i18next'
import { localText, shortTitle } from './text.ts'

type CountryRow = RoundOverview['countries'][number]

/** A country's name in the UI language. */
export const countryLabel = (c: Pick<CountryRow, 'code' | 'names'>, locale: string): string =>
  localText(c.names, locale) || c.code

/** Whether the heatmap shows a country's provisional scores: nothing of it is validated yet, but something is scored. */
export const showsProvisional = (c: CountryRow): boolean =>
  c.areaScores.every((a) => a.score === null) && c.areaScores.some((a) => a.provisionalScore !== null)

/**
 * Area scores by country: a row per area, a column per country (country names fit the columns; area titles need the
 * rows' width). A country with no validated score yet shows its provisional scores (submitted assessments), and its
 * column label says so in words, so the difference does not rest on colour.
 */
export function heatmapSpec(overview: RoundOverview, t: TFunction, locale: string): HeatmapChartSpec {
  return {
    kind: 'heatmap',
    title: t('dashboards:overview.heatmap.chartTitle', { round: overview.round.name }),
    rowLabel: t('dashboards:common.area'),
    columnLabel: t('dashboards:common.country'),
    rows: overview.areas.map((a) => shortTitle(localText(a.title, locale) || a.code)),
    columns: overview.countries.map((c) => {
      const name = countryLabel(c, locale)
      return showsProvisional(c) ? t('dashboards:overview.heatmap.provisionalRow', { country: name }) : name
    }),
    values: overview.areas.map((area) =>
      overview.countries.map((c) => {
        const s = c.areaScores.find((x) => x.areaCode === area.code)
        return (showsProvisional(c) ? s?.provisionalScore : s?.score) ?? null
      }),
    ),
    min: 0,
    max: 100,
    noDataLabel: t('dashboards:common.noData'),
  }
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10)

/** The share of each country's indicators whose data is in, as a percentage. */
export function completenessSpec(overview: RoundOverview, t: TFunction, locale: string): BarsChartSpec {
  return {
    kind: 'bars',
    title: t('dashboards:overview.completeness.chartTitle', { round: overview.round.name }),
    categoryLabel: t('dashboards:common.country'),
    valueLabel: t('dashboards:overview.completeness.value'),
    categories: overview.countries.map((c) => countryLabel(c, locale)),
    series: [
      {
        name: t('dashboards:overview.completeness.series'),
        values: overview.countries.map((c) => percent(c.completeness)),
      },
    ],
    max: 100,
    noDataLabel: t('dashboards:common.noData'),
  }
}

/** The implementation rate of earlier recommendations per country, from the follow-up recorded in this round. */
export function implementationByCountrySpec(overview: RoundOverview, t: TFunction, locale: string): BarsChartSpec {
  return {
    kind: 'bars',
    title: t('dashboards:overview.implementation.chartTitle', { round: overview.round.name }),
    categoryLabel: t('dashboards:common.country'),
    valueLabel: t('dashboards:common.ratePercent'),
    categories: overview.countries.map((c) => countryLabel(c, locale)),
    series: [
      { name: t('dashboards:common.rate'), values: overview.countries.map((c) => percent(c.implementationRate)) },
    ],
    max: 100,
    noDataLabel: t('dashboards:common.noData'),
  }
}
