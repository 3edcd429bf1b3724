import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { useMe } from '../../app/queries.ts'
import { useCountryName } from '../../components/country-name.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { isNotFound } from '../rounds/api.ts'
import { useCountryRecommendations } from './api.ts'
import { filterRecommendations, readRecommendationFilters } from './filters.ts'
import { ImplementationSection } from './ImplementationSection.tsx'
import { PriorityLegend } from './PriorityLegend.tsx'
import { mayWriteRecommendations } from './permissions.ts'
import { RecommendationFiltersBar } from './RecommendationFiltersBar.tsx'
import { RecommendationSummary } from './RecommendationSummary.tsx'

/**
 * A country's recommendations: how far they are implemented (per round and per priority) and the list, filtered by
 * priority, latest status and issuing round (filters in the URL). Each links to its page with the whole history.
 */
export default function CountryRecommendationsPage() {
  const { t } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const countryName = useCountryName()
  const [search] = useSearchParams()
  const recs = useCountryRecommendations(code)
  const me = useMe().data?.data
  const name = countryName(code)
  const title = t('recommendations:country.title', { country: name })
  usePageTitle(title)

  if (isNotFound(recs.error)) return <NotFound message={t('recommendations:country.notFound')} />
  const all = recs.data ?? []
  const shown = filterRecommendations(all, readRecommendationFilters(search))
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/countries" size="sm">
          {t('countries:list.title')}
        </Anchor>
        <Anchor component={Link} to={`/countries/${code}`} size="sm">
          {name}
        </Anchor>
        <span aria-current="page">{t('recommendations:country.breadcrumb')}</span>
      </Breadcrumbs>
      <PageHeader title={title} subtitle={t('recommendations:country.subtitle')} />
      <ImplementationSection code={code} />
      <Section title={t('recommendations:list.title')} description={t('recommendations:list.hint')}>
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('recommendations:priority.legend')}
          </Title>
          <PriorityLegend />
        </Stack>
        {recs.isPending && <ListSkeleton rows={4} />}
        {recs.error && <ErrorAlert error={recs.error} onRetry={() => void recs.refetch()} />}
        {recs.data && all.length === 0 && (
          <EmptyState>
            {mayWriteRecommendations(me, code)
              ? t('recommendations:list.emptyCanWrite')
              : t('recommendations:list.empty')}
          </EmptyState>
        )}
        {recs.data && all.length > 0 && (
          <>
            <RecommendationFiltersBar recs={all} />
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('recommendations:list.shown', { shown: shown.length, total: all.length })}
            </Text>
            {shown.length > 0 && (
              <Stack
                component="ul"
                gap="sm"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('recommendations:list.title')}
              >
                {shown.map((rec) => (
                  <RecommendationSummary key={rec.id} rec={rec} />
                ))}
              </Stack>
            )}
          </>
        )}
      </Section>
    </Stack>
  )
}
