import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { AdaptationLinks } from './AdaptationLinks.tsx'
import { isNotFound, useVersion } from './api.ts'
import { FallbackNotice } from './FallbackNotice.tsx'
import { HandbookBreadcrumbs } from './HandbookBreadcrumbs.tsx'
import { IndicatorBrowser } from './IndicatorBrowser.tsx'
import { RetiredList } from './RetiredList.tsx'
import { useContentText } from './useContentText.ts'
import { VersionFacts } from './VersionFacts.tsx'
import { VersionHeader } from './VersionHeader.tsx'
import { VersionManagement } from './VersionManagement.tsx'

/** One framework version: what it is, who may change it, and its areas and indicators with search and filters. */
export default function VersionPage() {
  const { t } = useTranslation()
  const versionId = useParams().versionId ?? ''
  const version = useVersion(versionId)
  const pick = useContentText(version.data?.framework.baseLocale ?? 'en')
  const name = version.data ? pick(version.data.framework.name).text || version.data.framework.code : null
  usePageTitle(version.data ? t('handbook:version.documentTitle', { name, label: version.data.label }) : null)

  if (isNotFound(version.error)) return <NotFound message={t('handbook:version.notFound')} />
  const v = version.data
  return (
    <Stack gap="lg">
      <HandbookBreadcrumbs version={v ?? null} />
      {version.isPending && <ListSkeleton rows={6} label={t('handbook:version.loading')} />}
      {version.isError && <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />}
      {v && (
        <>
          <VersionHeader version={v} />
          <FallbackNotice version={v} />
          <VersionFacts version={v} />
          {v.abilities.length > 0 && <VersionManagement version={v} />}
          {v.status === 'published' && <AdaptationLinks versionId={v.id} />}
          <IndicatorBrowser version={v} />
          {v.retired.length > 0 && <RetiredList version={v} />}
        </>
      )}
    </Stack>
  )
}
