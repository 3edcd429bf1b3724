import { Stack } from '@mantine/core'
import type { ChartSpec, PublicReportView } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Chart } from '../../components/Chart.tsx'
import { sortByName } from '../../components/names.ts'
import { AreaKey } from './AreaKey.tsx'
import { countryLabel } from './portal-data.ts'

/**
 * The regional report's figures: a heatmap of area scores by country (columns are area codes, named in the list
 * below it) and the implementation rate of earlier recommendations per country.
 */
export function RegionalOverview({ view }: { view: PublicReportView }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  // Countries by name in the UI language, in both charts.
  const rows = sortByName(view.countries, (c) => countryLabel(c.code, c.names, locale), locale)
  const countries = rows.map((c) => countryLabel(c.code, c.names, locale))
  const round = view.round.name
  const heatmap: ChartSpec = {
    kind: 'heatmap',
    title: t('portal:round.heatmap', { round }),
    rowLabel: t('portal:round.country'),
    columnLabel: t('portal:round.area'),
    rows: countries,
    columns: view.areas.map((a) => a.code),
    values: rows.map((c) => view.areas.map((a) => c.areaScores.find((s) => s.areaCode === a.code)?.score ?? null)),
    min: 0,
    max: 100,
    noDataLabel: t('portal:round.noScore'),
  }
  const implementation: ChartSpec = {
    kind: 'bars',
    title: t('portal:round.implementation', { round }),
    categoryLabel: t('portal:round.country'),
    valueLabel: t('portal:round.rate'),
    categories: countries,
    series: [{ name: t('portal:round.rate'), values: rows.map((c) => c.implementationRate) }],
    max: 100,
    noDataLabel: t('portal:round.noRate'),
  }
  return (
    <Stack gap="lg">
      <Chart spec={heatmap} height={Math.max(320, 110 + countries.length * 44)} />
      <AreaKey areas={view.areas} />
      <Chart spec={implementation} height={Math.max(260, 90 + countries.length * 36)} />
    </Stack>
  )
}
