import { Anchor, Stack } from '@mantine/core'
import type { ChartSpec, PublicReportView } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { Chart } from '../../components/Chart.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { PageLoader } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { AreaKey } from './AreaKey.tsx'
import { isNotPublished, usePublicCountry } from './api.ts'
import { CountryReports } from './CountryReports.tsx'
import PortalNotFound from './PortalNotFound.tsx'
import { PublicRecommendations } from './PublicRecommendations.tsx'
import { areaCodes, countryLabel, portalPath } from './portal-data.ts'
import { usePortalLang } from './usePortalLang.ts'
import { VictimsOverRounds } from './VictimsOverRounds.tsx'

/** A country's published results: area scores over the rounds, victims over the rounds, recommendations, reports. */
export default function PublicCountryPage() {
  const { t } = useTranslation()
  const lang = usePortalLang()
  const { code = '' } = useParams()
  const views = usePublicCountry(code)
  const latest = views.data?.at(-1) ?? null
  const name = latest ? countryLabel(code, latest.country?.names, lang) : null
  usePageTitle(name)

  if (views.isPending) return <PageLoader />
  if (isNotPublished(views.error) || (views.data && !latest)) return <PortalNotFound />
  if (views.isError || !latest || !name) return <ErrorAlert error={views.error} onRetry={() => void views.refetch()} />

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={portalPath(lang)} size="sm">
        {t('portal:round.breadcrumb')}
      </Anchor>
      <PageHeader title={name} subtitle={t('portal:country.subtitle', { count: views.data.length })} />
      <Section title={t('portal:country.scores')} description={t('portal:country.scoresHint')}>
        <AreaScoresChart views={views.data} country={name} />
      </Section>
      <Section title={t('portal:country.victims')}>
        <VictimsOverRounds view={latest} country={name} />
      </Section>
      <Section
        title={t('portal:country.recommendations')}
        description={t('portal:country.recommendationsHint', { round: latest.round.name })}
      >
        <PublicRecommendations recommendations={latest.recommendations} />
      </Section>
      <CountryReports views={views.data} country={name} />
    </Stack>
  )
}

/** Every area's score in each published round (one line per area, named by its code in the key below). */
function AreaScoresChart({ views, country }: { views: PublicReportView[]; country: string }) {
  const { t } = useTranslation()
  const areas = areaCodes(views)
  const spec: ChartSpec = {
    kind: 'lines',
    title: t('portal:country.scoresChart', { country }),
    categoryLabel: t('portal:country.round'),
    valueLabel: t('portal:country.score'),
    categories: views.map((v) => v.round.name),
    series: areas.map((a) => ({
      name: a.code,
      values: views.map((v) => v.areas.find((x) => x.code === a.code)?.score ?? null),
    })),
    max: 100,
    noDataLabel: t('portal:round.noScore'),
  }
  return (
    <Stack gap="md">
      <Chart spec={spec} height={420} />
      <AreaKey areas={areas} />
    </Stack>
  )
}
