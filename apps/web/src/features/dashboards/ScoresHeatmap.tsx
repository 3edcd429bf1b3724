import { Alert, Text } from '@mantine/core'
import type { RoundOverview } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Chart } from '../../components/Chart.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { Section } from '../../components/Section.tsx'
import { heatmapSpec, showsProvisional } from './overview-charts.ts'

/** Area scores by country; a country with nothing validated yet shows its provisional scores, marked in words. */
export function ScoresHeatmap({ overview }: { overview: RoundOverview }) {
  const { t, i18n } = useTranslation()
  const spec = heatmapSpec(overview, t, i18n.language)
  const anyScore = spec.values.some((row) => row.some((v) => v !== null))
  const anyProvisional = overview.countries.some(showsProvisional)
  return (
    <Section title={t('dashboards:overview.heatmap.title')} description={t('dashboards:overview.heatmap.hint')}>
      {!anyScore && (
        <Alert color="blue" variant="light" icon={<InfoIcon />}>
          {t('dashboards:overview.heatmap.empty')}
        </Alert>
      )}
      {anyProvisional && (
        <Text size="sm" fw={500}>
          {t('dashboards:overview.heatmap.provisionalNote')}
        </Text>
      )}
      <Chart spec={spec} height={Math.max(280, 150 + overview.areas.length * 48)} />
    </Section>
  )
}
