import { Alert, NativeSelect, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { isNotFound, useDiff, useFrameworks, useVersion } from './api.ts'
import { DiffView } from './DiffView.tsx'
import { HandbookBreadcrumbs } from './HandbookBreadcrumbs.tsx'
import { newestFirst } from './versions.ts'

/** What changed between two versions of a framework, grouped; by default against the version it was based on. */
export default function DiffPage() {
  const { t } = useTranslation()
  const versionId = useParams().versionId ?? ''
  const [params, setParams] = useSearchParams()
  const version = useVersion(versionId)
  const frameworks = useFrameworks()
  const v = version.data
  const against = params.get('against') ?? v?.basedOn?.id ?? null
  const diff = useDiff(versionId, params.get('against'), Boolean(against))
  const from = useVersion(diff.data?.from.id ?? versionId)
  const to = useVersion(diff.data?.to.id ?? versionId)
  usePageTitle(v ? t('handbook:diff.documentTitle', { label: v.label }) : t('handbook:diff.title'))

  if (isNotFound(version.error)) return <NotFound message={t('handbook:version.notFound')} />
  const others = newestFirst(frameworks.data?.find((f) => f.id === v?.framework.id)?.versions ?? []).filter(
    (o) => o.id !== versionId,
  )
  return (
    <Stack gap="lg">
      <HandbookBreadcrumbs version={v ?? null} current={t('handbook:diff.title')} />
      {version.isPending && <ListSkeleton rows={4} />}
      {version.isError && <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />}
      {v && (
        <>
          <PageHeader
            title={t('handbook:diff.heading', { label: v.label })}
            subtitle={
              diff.data
                ? t('handbook:diff.fromTo', { from: diff.data.from.label, to: diff.data.to.label })
                : t('handbook:diff.subtitle')
            }
          />
          <Section title={t('handbook:diff.compareTitle')}>
            <NativeSelect
              label={t('handbook:diff.compareWith')}
              data={[
                { value: '', label: t('handbook:diff.choose'), disabled: true },
                ...others.map((o) => ({
                  value: o.id,
                  label: t('handbook:diff.option', { label: o.label, status: t(`enums:versionStatus.${o.status}`) }),
                })),
              ]}
              value={against ?? ''}
              onChange={(e) =>
                setParams(e.currentTarget.value ? { against: e.currentTarget.value } : {}, { replace: true })
              }
              maw={360}
            />
          </Section>
          {!against && (
            <Alert color="blue" variant="light" icon={<InfoIcon />}>
              {t('handbook:diff.pick')}
            </Alert>
          )}
          {against && (
            <Section title={t('handbook:diff.changesTitle')}>
              {diff.isPending && <ListSkeleton rows={4} label={t('handbook:diff.loading')} />}
              {diff.isError && <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />}
              {diff.data && <DiffView diff={diff.data} from={from.data} to={to.data} />}
            </Section>
          )}
        </>
      )}
    </Stack>
  )
}
