import { Anchor, Breadcrumbs, Group, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { isNotFound, useCountryProfile } from './api.ts'
import { DashboardLinks } from './DashboardLinks.tsx'
import { ProfileRecommendations } from './ProfileRecommendations.tsx'
import { ProfileScores } from './ProfileScores.tsx'
import { ProfileStatistics } from './ProfileStatistics.tsx'
import { localText } from './text.ts'

/**
 * A country's dashboard: area scores over rounds, victims identified and presumed (the indicator is chosen in the
 * URL, `?indicator=IDN-4`), open recommendations by priority and the implementation rate over rounds.
 */
export default function CountryProfilePage() {
  const { t, i18n } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const profile = useCountryProfile(code)
  const data = profile.data
  const name = data ? localText(data.country.names, i18n.language) || code : null
  usePageTitle(name ? t('dashboards:profile.title', { country: name }) : t('dashboards:profile.titlePlain'))
  if (isNotFound(profile.error)) return <NotFound message={t('dashboards:profile.notFound')} />
  return (
    <Stack gap="lg">
      <DashboardLinks current="profile" />
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/countries" size="sm">
          {t('dashboards:profile.countries')}
        </Anchor>
        <Anchor component={Link} to={`/countries/${code}`} size="sm">
          {name ?? code}
        </Anchor>
        <span aria-current="page">{t('dashboards:profile.titlePlain')}</span>
      </Breadcrumbs>
      {profile.isPending && <ListSkeleton rows={5} />}
      {profile.isError && <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />}
      {data && name && (
        <>
          <PageHeader
            title={t('dashboards:profile.title', { country: name })}
            subtitle={t('dashboards:profile.subtitle', { country: name })}
            actions={
              <Group gap="md">
                <Anchor component={Link} to={`/countries/${code}/recommendations`} size="sm" fw={500}>
                  {t('dashboards:profile.allRecommendations')}
                </Anchor>
              </Group>
            }
          />
          <ProfileScores profile={data} country={name} />
          <ProfileStatistics profile={data} country={name} />
          <ProfileRecommendations profile={data} country={name} />
        </>
      )}
    </Stack>
  )
}
