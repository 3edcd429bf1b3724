import { Box, SimpleGrid, Text } from '@mantine/core'
import type { CountryProfile } from '@thbm/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Chart } from '../../components/Chart.tsx'
import { Section } from '../../components/Section.tsx'
import { areaScoresSpec, scoredAreas, scoredRounds } from './profile-charts.ts'

/** The area codes the chart's lines are named by, with their titles. */
function AreaKey({ areas }: { areas: { code: string; title: string }[] }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <Box>
      <Text size="sm" fw={600} id={id}>
        {t('dashboards:profile.scores.key')}
      </Text>
      <SimpleGrid
        component="ul"
        aria-labelledby={id}
        cols={{ base: 1, md: 2 }}
        spacing="lg"
        verticalSpacing={2}
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {areas.map((a) => (
          <Text component="li" size="sm" key={a.code}>
            <Text span fw={600}>
              {a.code}
            </Text>{' '}
            {a.title}
          </Text>
        ))}
      </SimpleGrid>
    </Box>
  )
}

/** Validated area scores over the rounds; rounds without validated scores yet are named below the chart. */
export function ProfileScores({ profile, country }: { profile: CountryProfile; country: string }) {
  const { t, i18n } = useTranslation()
  const scored = scoredRounds(profile)
  const pending = profile.rounds.filter((r) => !scored.includes(r))
  return (
    <Section title={t('dashboards:profile.scores.title')} description={t('dashboards:profile.scores.hint')}>
      {scored.length === 0 ? (
        <Text size="sm">{t('dashboards:profile.scores.empty', { country })}</Text>
      ) : (
        <>
          <Chart spec={areaScoresSpec(profile, country, t, i18n.language)} height={400} />
          <AreaKey areas={scoredAreas(profile, i18n.language)} />
        </>
      )}
      {scored.length > 0 && pending.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('dashboards:profile.scores.pending', { rounds: pending.map((r) => r.name).join(', ') })}
        </Text>
      )}
    </Section>
  )
}
