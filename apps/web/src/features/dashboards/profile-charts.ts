import { type BarsChartSpec, type CountryProfile, type LinesChartSpec, RECOMMENDATION_PRIORITIES } from '@thbm/shared'
import type { TFunction } from 'i18next'
import { localText } from './text.ts'

type Statistics = CountryProfile['statistics']

/** The rounds of a profile that have at least one validated area score (the others are listed as pending). */
export function scoredRounds(profile: CountryProfile): CountryProfile['rounds'] {
  return profile.rounds.filter((r) => r.areas.some((a) => a.score !== null))
}

/** The areas scored in any of the rounds, by code, with their titles in the UI language. */
export function scoredAreas(profile: CountryProfile, locale: string): { code: string; title: string }[] {
  const areas = new Map<string, string>()
  for (const round of scoredRounds(profile))
    for (const a of round.areas) if (a.score !== null) areas.set(a.code, localText(a.title, locale) || a.code)
  return [...areas].map(([code, title]) => ({ code, title }))
}

/**
 * Validated area scores over rounds, one line per area named by its code: a legend of nine titles would not fit on
 * one line, so the page lists the codes with their titles next to the chart.
 */
export function areaScoresSpec(profile: CountryProfile, country: string, t: TFunction, locale: string): LinesChartSpec {
  const rounds = scoredRounds(profile)
  return {
    kind: 'lines',
    title: t('dashboards:profile.scores.chartTitle', { country }),
    categoryLabel: t('dashboards:common.round'),
    valueLabel: t('dashboards:common.score'),
    categories: rounds.map((r) => r.name),
    series: scoredAreas(profile, locale).map(({ code }) => ({
      name: code,
      values: rounds.map((r) => r.areas.find((a) => a.code === code)?.score ?? null),
    })),
    max: 100,
    noDataLabel: t('dashboards:common.noData'),
  }
}

/** Statistics indicators with a count of victims identified and presumed (`victim_status` cells) come first. */
export function statisticsIndicators(stats: Statistics): Statistics['indicators'] {
  const hasStatus = (code: string) =>
    stats.cells.some((c) => c.indicatorCode === code && c.key.includes('victim_status='))
  return [...stats.indicators].sort((a, b) => Number(hasStatus(b.code)) - Number(hasStatus(a.code)))
}

/** The indicator the victims chart shows: the one asked for when it exists, else the first with `victim_status`. */
export function chosenIndicator(stats: Statistics, asked: string | null): string | null {
  if (asked && stats.indicators.some((i) => i.code === asked)) return asked
  return statisticsIndicators(stats)[0]?.code ?? null
}

/** Persons per round for one indicator: identified and presumed when it counts them apart, else the total. */
export function victimsSpec(
  stats: Statistics,
  code: string,
  country: string,
  t: TFunction,
  locale: string,
): LinesChartSpec {
  const indicator = stats.indicators.find((i) => i.code === code)
  const cell = (roundId: string, key: string) =>
    stats.cells.find((c) => c.indicatorCode === code && c.roundId === roundId && c.key === key)?.value ?? null
  // Rounds without a figure for this indicator (e.g. one still collecting data) are left out rather than shown empty.
  const rounds = stats.rounds.filter((r) => stats.cells.some((c) => c.indicatorCode === code && c.roundId === r.id))
  const byStatus = stats.cells.some((c) => c.indicatorCode === code && c.key.startsWith('victim_status='))
  const lines: [string, string][] = byStatus
    ? [
        ['victim_status=identified', t('dashboards:profile.victims.identified')],
        ['victim_status=presumed', t('dashboards:profile.victims.presumed')],
      ]
    : [['total', t('dashboards:profile.victims.total')]]
  return {
    kind: 'lines',
    title: t('dashboards:profile.victims.chartTitle', {
      code,
      indicator: localText(indicator?.title, locale) || code,
      country,
    }),
    categoryLabel: t('dashboards:common.round'),
    valueLabel: t('dashboards:profile.victims.value'),
    categories: rounds.map((r) => r.name),
    series: lines.map(([key, name]) => ({ name, values: rounds.map((r) => cell(r.id, key)) })),
    digits: 0,
    noDataLabel: t('dashboards:common.noData'),
  }
}

/** Open recommendations (no follow-up yet, or not closed) by priority. */
export function openRecommendationsSpec(profile: CountryProfile, country: string, t: TFunction): BarsChartSpec {
  const count = (p: string) => profile.openRecommendations.find((r) => r.priority === p)?.count ?? 0
  return {
    kind: 'bars',
    title: t('dashboards:profile.open.chartTitle', { country }),
    categoryLabel: t('dashboards:profile.open.category'),
    valueLabel: t('dashboards:profile.open.value'),
    categories: RECOMMENDATION_PRIORITIES.map((p) => t(`recommendations:priority.label.${p}`)),
    series: [{ name: t('dashboards:profile.open.value'), values: RECOMMENDATION_PRIORITIES.map(count) }],
    digits: 0,
    // A top of at least 4 keeps the axis ticks on whole numbers.
    max: Math.max(4, ...RECOMMENDATION_PRIORITIES.map(count)),
    noDataLabel: t('dashboards:common.noData'),
  }
}

/** Implementation rate (percent) of earlier recommendations, per round in which follow-up was recorded. */
export function implementationSpec(profile: CountryProfile, country: string, t: TFunction): BarsChartSpec {
  return {
    kind: 'bars',
    title: t('dashboards:profile.implementation.chartTitle', { country }),
    categoryLabel: t('dashboards:common.round'),
    valueLabel: t('dashboards:common.ratePercent'),
    categories: profile.implementation.map((i) => i.round.name),
    series: [
      {
        name: t('dashboards:common.rate'),
        values: profile.implementation.map((i) => (i.rate === null ? null : Math.round(i.rate * 1000) / 10)),
      },
    ],
    max: 100,
    noDataLabel: t('dashboards:common.noData'),
  }
}
