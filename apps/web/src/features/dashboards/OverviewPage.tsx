import { NativeSelect, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { sortByName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { useRounds } from '../rounds/api.ts'
import { isNotFound, useRoundOverview } from './api.ts'
import { CompletenessSection } from './CompletenessSection.tsx'
import { DashboardLinks } from './DashboardLinks.tsx'
import { ImplementationByCountry } from './ImplementationByCountry.tsx'
import { countryLabel } from './overview-charts.ts'
import { ScoresHeatmap } from './ScoresHeatmap.tsx'

/** The round select: every round past planning that the user sees, newest first; choosing one changes the URL. */
function RoundSelect({ roundId }: { roundId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const rounds = useRounds()
  const options = (rounds.data ?? [])
    .filter((r) => r.status !== 'planning')
    .sort((a, b) => b.periodTo.localeCompare(a.periodTo))
    .map((r) => ({ value: r.id, label: `${r.name} · ${t(`rounds:status.round.${r.status}`)}` }))
  if (options.length < 2) return null
  return (
    <NativeSelect
      label={t('dashboards:common.round')}
      data={options}
      value={roundId}
      onChange={(e) => navigate(`/dashboards/rounds/${e.currentTarget.value}`)}
      w={{ base: '100%', xs: 380 }}
    />
  )
}

/** A round across the countries the user sees: area scores, completeness and lateness, implementation rates. */
export default function OverviewPage() {
  const { t, i18n } = useTranslation()
  const roundId = useParams().roundId ?? ''
  const overview = useRoundOverview(roundId)
  const locale = i18n.language
  // Countries in alphabetical order of their names in the UI language, in the charts and the table alike.
  const data = overview.data && {
    ...overview.data,
    countries: sortByName(overview.data.countries, (c) => countryLabel(c, locale), locale),
  }
  usePageTitle(data ? `${t('dashboards:overview.title')}: ${data.round.name}` : t('dashboards:overview.title'))
  if (isNotFound(overview.error)) return <NotFound message={t('dashboards:overview.notFound')} />
  return (
    <Stack gap="lg">
      <DashboardLinks current="overview" />
      <PageHeader
        title={t('dashboards:overview.title')}
        subtitle={
          data &&
          t('dashboards:overview.subtitle', {
            round: data.round.name,
            status: t(`rounds:status.round.${data.round.status}`, { defaultValue: data.round.status }),
          })
        }
        actions={<RoundSelect roundId={roundId} />}
      />
      {overview.isPending && <ListSkeleton rows={5} />}
      {overview.isError && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      {data && data.countries.length === 0 && <Text>{t('dashboards:overview.noCountries')}</Text>}
      {data && data.countries.length > 0 && (
        <>
          <ScoresHeatmap overview={data} />
          <CompletenessSection overview={data} />
          <ImplementationByCountry overview={data} />
        </>
      )}
    </Stack>
  )
}
