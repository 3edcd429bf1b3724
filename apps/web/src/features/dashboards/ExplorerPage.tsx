import { Alert, Group, NativeSelect, Stack, Text } from '@mantine/core'
import { type FrameworkSummary, pickText, type VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useCountryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useFrameworks } from '../handbook/api.ts'
import { latestPublished } from '../handbook/versions.ts'
import { useFrameworkVersion } from '../rounds/api.ts'
import { isNotFound, useIndicatorExplorer } from './api.ts'
import { DashboardLinks } from './DashboardLinks.tsx'
import { ExplorerResult } from './ExplorerResult.tsx'
import { readExplorerFilters, withParam, withVersion } from './filters.ts'
import { localText } from './text.ts'

/** Published versions of every framework, newest first, labelled with their framework's code. */
function publishedVersions(frameworks: readonly FrameworkSummary[]) {
  return frameworks.flatMap((f) =>
    f.versions.filter((v) => v.status === 'published').map((v) => ({ ...v, name: `${f.code} ${v.label}` })),
  )
}

/** Indicator options grouped by area, each `CODE · title` in the UI language. */
function indicatorOptions(version: VersionDetail, locale: string) {
  const text = (t: Parameters<typeof pickText>[0]) => pickText(t, locale, version.framework.baseLocale).text
  return version.areas.map((area) => ({
    group: `${area.code} · ${text(area.title)}`,
    items: version.indicators
      .filter((i) => i.area === area.code)
      .map((i) => ({ value: i.code, label: `${i.code} · ${text(i.title)}` })),
  }))
}

/**
 * One indicator across countries and rounds, following lineage into earlier Handbook versions. The indicator and
 * the version live in the URL (`?code=IDN-4&version=…`), so the view can be shared.
 */
export default function ExplorerPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('dashboards:explorer.title'))
  const [params, setParams] = useSearchParams()
  const filters = readExplorerFilters(params)
  const frameworks = useFrameworks()
  const versions = publishedVersions(frameworks.data ?? [])
  const defaultVersion = latestPublished(versions)?.id ?? null
  const versionId = filters.version ?? defaultVersion
  const version = useFrameworkVersion(versionId)
  const explorer = useIndicatorExplorer(filters.code, filters.version)
  const countryName = useCountryName()
  const codes = version.data?.indicators.map((i) => i.code) ?? []
  const set = (next: URLSearchParams) => setParams(next, { replace: true })
  const title = explorer.data ? localText(explorer.data.title, i18n.language) || explorer.data.code : ''

  return (
    <Stack gap="lg">
      <DashboardLinks current="explorer" />
      <PageHeader title={t('dashboards:explorer.title')} subtitle={t('dashboards:explorer.subtitle')} />
      {frameworks.isError && <ErrorAlert error={frameworks.error} onRetry={() => void frameworks.refetch()} />}
      {frameworks.data && versions.length === 0 && (
        <Alert color="blue" variant="light" icon={<InfoIcon />} title={t('dashboards:explorer.noVersionTitle')}>
          {t('dashboards:explorer.noVersionText')}
        </Alert>
      )}
      {versions.length > 0 && (
        <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('dashboards:explorer.filters')}>
          {versions.length > 1 && (
            <NativeSelect
              label={t('dashboards:explorer.version')}
              data={versions.map((v) => ({ value: v.id, label: v.name }))}
              value={versionId ?? ''}
              onChange={(e) => {
                const id = e.currentTarget.value
                set(withVersion(params, id === defaultVersion ? null : id, codes))
              }}
              w={{ base: '100%', xs: 200 }}
            />
          )}
          <NativeSelect
            label={t('dashboards:explorer.indicator')}
            data={[
              { value: '', label: t('dashboards:explorer.choose') },
              ...(version.data ? indicatorOptions(version.data, i18n.language) : []),
            ]}
            value={filters.code ?? ''}
            onChange={(e) => set(withParam(params, 'code', e.currentTarget.value || null))}
            disabled={!version.data}
            w={{ base: '100%', sm: 520 }}
          />
        </Group>
      )}
      {version.isError && <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />}
      {!filters.code && versions.length > 0 && (
        <Alert color="blue" variant="light" icon={<InfoIcon />} title={t('dashboards:explorer.emptyTitle')}>
          {t('dashboards:explorer.emptyText')}
        </Alert>
      )}
      {filters.code && explorer.isPending && <ListSkeleton rows={4} />}
      {filters.code && explorer.isError && isNotFound(explorer.error) && (
        <Alert color="yellow" variant="light" icon={<InfoIcon />} title={t('dashboards:explorer.notFoundTitle')}>
          {t('dashboards:explorer.notFoundText', { code: filters.code })}
        </Alert>
      )}
      {filters.code && explorer.isError && !isNotFound(explorer.error) && (
        <ErrorAlert error={explorer.error} onRetry={() => void explorer.refetch()} />
      )}
      {explorer.data && (
        <Section
          title={`${explorer.data.code} · ${title}`}
          description={t(`enums:measurementType.${explorer.data.measurementType}`, {
            defaultValue: explorer.data.measurementType,
          })}
        >
          {explorer.data.rows.length === 0 ? (
            <Text size="sm">{t('dashboards:explorer.noRows')}</Text>
          ) : (
            <ExplorerResult explorer={explorer.data} title={title} countryName={countryName} />
          )}
        </Section>
      )}
    </Stack>
  )
}
