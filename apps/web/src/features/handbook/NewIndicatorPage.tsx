import { Stack } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { CreateIndicatorBody } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { isNotFound, useRefreshHandbook, useVersion, versionApi } from './api.ts'
import { HandbookBreadcrumbs } from './HandbookBreadcrumbs.tsx'
import { IndicatorForm } from './IndicatorForm.tsx'
import { emptyIndicator } from './indicator-form.ts'
import { useFieldErrors } from './useIssueMessages.ts'
import { WriteError } from './WriteError.tsx'

/** Adds an indicator to a draft (in the area named by `?area=`, or the first one). */
export default function NewIndicatorPage() {
  const { t } = useTranslation()
  const versionId = useParams().versionId ?? ''
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const refresh = useRefreshHandbook()
  const fieldErrors = useFieldErrors()
  const version = useVersion(versionId)
  usePageTitle(t('handbook:indicator.addTitle'))
  const create = useMutation({
    mutationFn: (doc: CreateIndicatorBody) =>
      versionApi(versionId, '/indicators', { method: 'POST', body: doc }).then(() => doc),
    onSuccess: async (doc) => {
      await refresh()
      navigate(`/handbook/${versionId}/indicators/${doc.code}`, { replace: true })
    },
  })
  if (isNotFound(version.error)) return <NotFound message={t('handbook:version.notFound')} />
  const v = version.data
  if (v && !v.abilities.includes('version.edit')) return <NotFound />
  const requested = params.get('area')
  const area = v?.areas.find((a) => a.code === requested)?.code ?? v?.areas[0]?.code ?? ''
  return (
    <Stack gap="lg">
      <HandbookBreadcrumbs version={v ?? null} current={t('handbook:indicator.addTitle')} />
      {version.isPending && <ListSkeleton rows={4} />}
      {version.isError && <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />}
      {v && (
        <>
          <PageHeader
            title={t('handbook:indicator.addTitle')}
            subtitle={t('handbook:indicator.addHint', { label: v.label })}
          />
          <Section title={t('handbook:indicator.editTitle')}>
            <IndicatorForm
              idPrefix="ind"
              initial={emptyIndicator(area)}
              areas={v.areas}
              baseLocale={v.framework.baseLocale}
              serverErrors={fieldErrors(create.error)}
              submitting={create.isPending}
              submitLabel={t('handbook:indicator.addSubmit')}
              onSubmit={(doc) => create.mutate(doc)}
              onCancel={() => navigate(`/handbook/${versionId}`)}
              top={<WriteError error={create.error} onReload={() => void refresh()} fieldsShown />}
            />
          </Section>
        </>
      )}
    </Stack>
  )
}
