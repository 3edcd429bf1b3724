import { Alert, Group, NativeSelect, Stack, Switch, Text } from '@mantine/core'
import type { ChartSpec, ReviewDetail, ReviewResults } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Chart } from '../../components/Chart.tsx'
import { sortByName, useCountryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { useEvidence, useResults } from './api.ts'
import { RankedTable } from './RankedTable.tsx'
import { useBaseLocale } from './useBaseLocale.ts'

/** The group's results of a round: participation by country, then every indicator ranked, with its details. */
export function ResultsTab({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation()
  const [round, setRound] = useState<number | null>(null)
  const [onlyOpen, setOnlyOpen] = useState(false)
  const started = review.currentRound > 0
  const results = useResults(review.id, round, started)
  const evidence = useEvidence(review.id, started)
  const baseLocale = useBaseLocale(review)
  if (!started)
    return (
      <Alert color="blue" variant="light" icon={<InfoIcon />}>
        {t('review:results.notStarted')}
      </Alert>
    )
  const data = results.data
  const shown = (data?.indicators ?? [])
    .filter((i) => !onlyOpen || i.overall.some((c) => c.consensus === false))
    .sort((a, b) => a.rank - b.rank)
  return (
    <Stack gap="lg">
      {results.isPending && <ListSkeleton rows={6} label={t('review:results.loading')} />}
      {results.isError && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
      {data && (
        <>
          <Group align="flex-end" gap="md">
            <NativeSelect
              label={t('review:results.round')}
              data={(data.rounds.length ? data.rounds : [data.round]).map((r) => ({
                value: String(r),
                label: t('review:results.roundOption', { round: r }),
              }))}
              value={String(data.round)}
              onChange={(e) => setRound(Number(e.currentTarget.value))}
              w={200}
            />
            {review.roundOpen && data.round === review.currentRound && (
              <Text size="sm" c="dimmed">
                {t('review:results.provisional')}
              </Text>
            )}
          </Group>
          <Participation results={data} />
          <Section
            title={t('review:results.rankedTitle', { round: data.round })}
            description={t('review:results.rankedHint', { threshold: data.consensusIqr })}
          >
            <Switch
              label={t('review:results.onlyOpen')}
              checked={onlyOpen}
              onChange={(e) => setOnlyOpen(e.currentTarget.checked)}
            />
            {shown.length === 0 ? (
              <Text size="sm" c="dimmed">
                {onlyOpen ? t('review:results.allAgreed') : t('review:results.noIndicators')}
              </Text>
            ) : (
              <RankedTable results={data} indicators={shown} evidence={evidence.data} baseLocale={baseLocale} />
            )}
          </Section>
        </>
      )}
    </Stack>
  )
}

function Participation({ results }: { results: ReviewResults }) {
  const { t, i18n } = useTranslation()
  const countryName = useCountryName()
  const { invited, responded } = results.participation
  const byCountry = sortByName(results.participation.byCountry, (c) => countryName(c.countryCode), i18n.language)
  // Shares, not head counts: a scale from 0 to 100 % reads well even with one or two participants per country.
  const spec: ChartSpec = {
    kind: 'bars',
    title: t('review:results.participationChart', { round: results.round }),
    categoryLabel: t('review:participants.country'),
    valueLabel: t('review:results.respondedShare'),
    categories: byCountry.map((c) => countryName(c.countryCode)),
    series: [
      {
        name: t('review:results.respondedShare'),
        values: byCountry.map((c) => (c.invited ? Math.round((100 * c.responded) / c.invited) : null)),
      },
    ],
    max: 100,
    digits: 0,
  }
  return (
    <Section
      title={t('review:results.participationTitle')}
      description={t('review:results.participationSummary', { responded, invited, round: results.round })}
    >
      {byCountry.length > 0 && <Chart spec={spec} height={Math.max(200, 60 + byCountry.length * 44)} />}
    </Section>
  )
}
