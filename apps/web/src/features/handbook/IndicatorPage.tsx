import { Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { isNotFound, useVersion } from './api.ts'
import { FlagBadges } from './FlagBadges.tsx'
import { HandbookBreadcrumbs } from './HandbookBreadcrumbs.tsx'
import { IndicatorDetails } from './IndicatorDetails.tsx'
import { IndicatorEditor } from './IndicatorEditor.tsx'
import { LineageHistory } from './LineageHistory.tsx'
import { NotTranslatedBadge } from './NotTranslatedBadge.tsx'
import { useContentText } from './useContentText.ts'

/** One indicator of a version: all it says and its lineage; editors of a draft edit every field here. */
export default function IndicatorPage() {
  const { t } = useTranslation()
  const { versionId = '', code = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const version = useVersion(versionId)
  const pick = useContentText(version.data?.framework.baseLocale ?? 'en')
  const indicator = version.data?.indicators.find((i) => i.code === code)
  const title = indicator ? pick(indicator.title) : null
  usePageTitle(indicator ? `${indicator.code} · ${title?.text ?? ''}` : code)

  if (isNotFound(version.error) || (version.data && !indicator))
    return <NotFound message={t('handbook:indicator.notFound', { code })} />
  const v = version.data
  const canEdit = Boolean(v?.abilities.includes('version.edit'))
  const editing = canEdit && params.get('edit') === '1'
  const setEditing = (on: boolean) => setParams(on ? { edit: '1' } : {}, { replace: true })
  return (
    <Stack gap="lg">
      <HandbookBreadcrumbs version={v ?? null} current={code} />
      {version.isPending && <ListSkeleton rows={6} label={t('handbook:indicator.loading')} />}
      {version.isError && <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />}
      {v && indicator && title && (
        <>
          <PageHeader
            title={`${indicator.code} · ${title.text}`}
            subtitle={
              <Group component="span" gap="xs" wrap="wrap">
                <Text component="span" size="sm">
                  {t('handbook:indicator.kindAndType', {
                    kind: t(`enums:indicatorKind.${indicator.kind}`),
                    type: t(`enums:measurementType.${indicator.measurement.type}`),
                  })}
                </Text>
                <FlagBadges indicator={indicator} />
                {title.missing && <NotTranslatedBadge baseLocale={v.framework.baseLocale} />}
              </Group>
            }
            actions={
              canEdit && !editing && <Button onClick={() => setEditing(true)}>{t('handbook:indicator.edit')}</Button>
            }
          />
          {editing ? (
            <IndicatorEditor version={v} indicator={indicator} onDone={() => setEditing(false)} />
          ) : (
            <IndicatorDetails indicator={indicator} baseLocale={v.framework.baseLocale} />
          )}
          <LineageHistory versionId={v.id} code={indicator.code} baseLocale={v.framework.baseLocale} />
        </>
      )}
    </Stack>
  )
}
