import { SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { CountryProfile } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Chart } from '../../components/Chart.tsx'
import { Section } from '../../components/Section.tsx'
import { implementationSpec, openRecommendationsSpec } from './profile-charts.ts'

/** Open recommendations by priority, and the implementation rate of earlier ones over the rounds. */
export function ProfileRecommendations({ profile, country }: { profile: CountryProfile; country: string }) {
  const { t } = useTranslation()
  const open = profile.openRecommendations.reduce((n, r) => n + r.count, 0)
  const rated = profile.implementation.some((i) => i.rate !== null)
  return (
    <Section
      title={t('dashboards:profile.recommendations.title')}
      description={t('dashboards:profile.recommendations.hint')}
    >
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('dashboards:profile.open.title')}
          </Title>
          {open === 0 ? (
            <Text size="sm">{t('dashboards:profile.open.empty', { country })}</Text>
          ) : (
            <Chart spec={openRecommendationsSpec(profile, country, t)} height={240} />
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('dashboards:profile.implementation.title')}
          </Title>
          {rated ? (
            <Chart spec={implementationSpec(profile, country, t)} height={240} />
          ) : (
            <Text size="sm">{t('dashboards:profile.implementation.empty')}</Text>
          )}
        </Stack>
      </SimpleGrid>
    </Section>
  )
}
