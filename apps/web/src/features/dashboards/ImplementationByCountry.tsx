import { Text } from '@mantine/core'
import type { RoundOverview } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Chart } from '../../components/Chart.tsx'
import { Section } from '../../components/Section.tsx'
import { implementationByCountrySpec } from './overview-charts.ts'

/** Implementation rates of earlier recommendations per country, from the follow-up recorded in this round. */
export function ImplementationByCountry({ overview }: { overview: RoundOverview }) {
  const { t, i18n } = useTranslation()
  const any = overview.countries.some((c) => c.implementationRate !== null)
  return (
    <Section
      title={t('dashboards:overview.implementation.title')}
      description={t('dashboards:overview.implementation.hint')}
    >
      {any ? (
        <Chart
          spec={implementationByCountrySpec(overview, t, i18n.language)}
          height={Math.max(220, 80 + overview.countries.length * 40)}
        />
      ) : (
        <Text size="sm">{t('dashboards:overview.implementation.empty')}</Text>
      )}
    </Section>
  )
}
