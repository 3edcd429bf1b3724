import { Alert, NativeSelect, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { useCountries } from '../../app/queries.ts'
import { countryName, useCountryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { AdaptationForm } from './AdaptationForm.tsx'
import { isNotFound, useAdaptation, useVersion } from './api.ts'
import { FallbackNotice } from './FallbackNotice.tsx'
import { HandbookBreadcrumbs } from './HandbookBreadcrumbs.tsx'

/** A country's adaptation of a published version; read-only for those who may see but not edit it. */
export default function AdaptationPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const { versionId = '', country: rawCountry = '' } = useParams()
  const country = rawCountry.toUpperCase()
  const version = useVersion(versionId)
  const adaptation = useAdaptation(versionId, country)
  const countries = useCountries()
  const nameOf = useCountryName()
  const name = nameOf(country)
  usePageTitle(t('handbook:adaptation.title', { country: name }))

  if (isNotFound(version.error) || isNotFound(adaptation.error))
    return <NotFound message={t('handbook:adaptation.notFound')} />
  const v = version.data
  const a = adaptation.data
  const error = version.error ?? adaptation.error
  return (
    <Stack gap="lg">
      <HandbookBreadcrumbs version={v ?? null} current={t('handbook:adaptation.crumb', { country: name })} />
      {(version.isPending || adaptation.isPending) && !error && (
        <ListSkeleton rows={6} label={t('handbook:adaptation.loading')} />
      )}
      {error && (
        <ErrorAlert error={error} onRetry={() => void Promise.all([version.refetch(), adaptation.refetch()])} />
      )}
      {v && a && (
        <>
          <PageHeader
            title={t('handbook:adaptation.title', { country: name })}
            subtitle={t('handbook:adaptation.subtitle', { code: v.framework.code, label: v.label })}
            actions={
              (countries.data?.length ?? 0) > 1 && (
                <NativeSelect
                  label={t('handbook:adaptation.country')}
                  data={(countries.data ?? []).map((c) => ({ value: c.code, label: countryName(c, i18n.language) }))}
                  value={country}
                  onChange={(e) => navigate(`/handbook/${versionId}/adaptations/${e.currentTarget.value}`)}
                />
              )
            }
          />
          <FallbackNotice version={v} />
          {v.status !== 'published' && (
            <Alert color="blue" variant="light" icon={<InfoIcon />}>
              {t('handbook:adaptation.notPublished')}
            </Alert>
          )}
          <AdaptationForm
            key={country}
            version={v}
            adaptation={a}
            readOnly={!a.abilities.includes('adaptation.edit') || v.status !== 'published'}
          />
        </>
      )}
    </Stack>
  )
}
