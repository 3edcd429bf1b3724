import { Anchor, Breadcrumbs, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { hasAbility } from '../../app/permissions.ts'
import { useMe } from '../../app/queries.ts'
import { countryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { CountryDashboardLink } from '../dashboards/EntryLinks.tsx'
import { NotFound } from '../errors/NotFound.tsx'
import { CountryRecommendationsLink } from '../recommendations/CountryRecommendationsLink.tsx'
import { useCountry } from './api.ts'
import { CountryNamesSection } from './CountryNamesSection.tsx'
import { CountryPeopleSection } from './CountryPeopleSection.tsx'
import { OrganisationsSection } from './OrganisationsSection.tsx'

/** One country: its organisations, its people (for those who manage people), and its names (for admins). */
export default function CountryPage() {
  const { t, i18n } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const me = useMe().data
  const country = useCountry(code)
  const name = country.data ? countryName(country.data, i18n.language) : null
  usePageTitle(name ?? t('countries:list.title'))

  if (country.error instanceof ApiError && (country.error.status === 404 || country.error.status === 400)) {
    return <NotFound message={t('countries:page.notFound')} />
  }
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/countries" size="sm">
          {t('countries:list.title')}
        </Anchor>
        <span aria-current="page">{name ?? code}</span>
      </Breadcrumbs>
      {country.isPending && <ListSkeleton rows={2} />}
      {country.isError && <ErrorAlert error={country.error} onRetry={() => void country.refetch()} />}
      {country.data && (
        <>
          <PageHeader title={name ?? code} subtitle={t('countries:page.subtitle', { code })} />
          <OrganisationsSection code={code} />
          <CountryRecommendationsLink code={code} />
          <CountryDashboardLink code={code} />
          {hasAbility(me, 'user.list') && <CountryPeopleSection code={code} />}
          {country.data.abilities.includes('country.update') && <CountryNamesSection country={country.data} />}
        </>
      )}
    </Stack>
  )
}
