import { Anchor, List, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { sortByName } from '../../components/names.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { PageLoader } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { isNotPublished, usePublication, usePublicRound } from './api.ts'
import { formatDay } from './dates.ts'
import PortalNotFound from './PortalNotFound.tsx'
import { countryLabel, portalPath, versionsByScope } from './portal-data.ts'
import { RegionalOverview } from './RegionalOverview.tsx'
import { RoundDownloads } from './RoundDownloads.tsx'
import { usePortalLang } from './usePortalLang.ts'

/** A published round: the regional overview, its countries, and every report of it to download. */
export default function PublishedRoundPage() {
  const { t } = useTranslation()
  const lang = usePortalLang()
  const { roundId = '' } = useParams()
  const round = usePublicRound(roundId)
  const groups = round.data ? versionsByScope(round.data) : []
  const regional = groups.find((g) => g.scope === 'region') ?? null
  const view = usePublication(regional?.latest.id ?? null)
  usePageTitle(round.data?.name ?? null)

  if (round.isPending) return <PageLoader />
  if (isNotPublished(round.error)) return <PortalNotFound />
  if (round.isError) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />

  const names = new Map(view.data?.countries.map((c) => [c.code, c.names]))
  const nameOf = (scope: string) =>
    scope === 'region' ? t('portal:downloads.regional') : countryLabel(scope, names.get(scope), lang)
  // Countries by name in the portal's language (the region's report first in the downloads).
  const countries = sortByName(
    groups.filter((g) => g.scope !== 'region'),
    (g) => nameOf(g.scope),
    lang,
  )
  const { name, periodFrom, periodTo } = round.data

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={portalPath(lang)} size="sm">
        {t('portal:round.breadcrumb')}
      </Anchor>
      <PageHeader
        title={name}
        subtitle={t('portal:rounds.period', { from: formatDay(periodFrom, lang), to: formatDay(periodTo, lang) })}
      />
      <Section title={t('portal:round.overview')} description={t('portal:round.overviewHint')}>
        {!regional && <Text>{t('portal:round.noRegional')}</Text>}
        {regional && view.isPending && <PageLoader />}
        {view.isError && <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />}
        {view.data && <RegionalOverview view={view.data} />}
      </Section>
      <Section title={t('portal:round.countries')} description={t('portal:round.countriesHint')}>
        <List listStyleType="none" spacing={4} p={0}>
          {countries.map((g) => (
            <List.Item key={g.scope}>
              <Anchor component={Link} to={portalPath(lang, `/countries/${g.scope}`)}>
                {nameOf(g.scope)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Section>
      <RoundDownloads groups={regional ? [regional, ...countries] : countries} nameOf={nameOf} />
    </Stack>
  )
}
