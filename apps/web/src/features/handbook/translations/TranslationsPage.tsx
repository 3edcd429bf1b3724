import { Alert, Button, Grid, Group, Stack } from '@mantine/core'
import type { TranslatableLocale } from '@thbm/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBlocker, useParams, useSearchParams } from 'react-router'
import { ConfirmModal } from '../../../components/ConfirmModal.tsx'
import { ErrorAlert } from '../../../components/ErrorAlert.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { ListSkeleton } from '../../../components/PageLoader.tsx'
import { usePageTitle } from '../../../components/usePageTitle.ts'
import { NotFound } from '../../errors/NotFound.tsx'
import { isNotFound, useVersion } from '../api.ts'
import { HandbookBreadcrumbs } from '../HandbookBreadcrumbs.tsx'
import { VersionStatusBadge } from '../VersionStatusBadge.tsx'
import { useTranslationOverview, workbookUrl } from './api.ts'
import { ItemEditor } from './ItemEditor.tsx'
import { ItemList } from './ItemList.tsx'
import { LocaleTotals } from './LocaleTotals.tsx'
import { changedTexts, type Drafts, localesFor, shownLocales } from './translation-state.ts'
import { UploadWorkbookModal } from './UploadWorkbookModal.tsx'

/**
 * Side-by-side translation of a version's texts: items by area with missing counters, the chosen item's texts with
 * the base text beside one field per shown language, and the translators' workbook. Shown languages and the item are
 * in the URL; unsaved edits are protected when leaving the item.
 */
export default function TranslationsPage() {
  const { t, i18n } = useTranslation()
  const versionId = useParams().versionId ?? ''
  const [params, setParams] = useSearchParams()
  const overview = useTranslationOverview(versionId)
  const version = useVersion(versionId)
  const [drafts, setDrafts] = useState<Drafts>({})
  const [uploading, setUploading] = useState(false)
  const v = version.data
  usePageTitle(v ? t('handbook:contentTranslation.documentTitle', { code: v.framework.code, label: v.label }) : null)

  const data = overview.data
  const available = data ? localesFor(data.baseLocale) : []
  // Kept here too: the address follows a moment later, and quick clicks must build on the latest choice.
  const [chosen, setChosen] = useState<TranslatableLocale[] | null>(null)
  const shown = chosen ?? shownLocales(params.get('locales'), available)
  const itemOf = (key: string | null) => data?.items.find((i) => i.key === key) ?? data?.items[0]
  const item = itemOf(params.get('item'))
  const dirty = item ? changedTexts(item, drafts).length > 0 : false

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      (currentLocation.pathname !== nextLocation.pathname ||
        itemOf(new URLSearchParams(nextLocation.search).get('item'))?.key !== item?.key),
  )
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
  // Edits belong to one item: a new item starts clean.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset exactly when the item changes
  useEffect(() => setDrafts({}), [item?.key])

  if (isNotFound(overview.error)) return <NotFound message={t('handbook:version.notFound')} />
  const setShown = (locales: TranslatableLocale[]) => {
    setChosen(locales)
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous)
        next.set('locales', locales.join(','))
        return next
      },
      { replace: true },
    )
  }
  const readOnlyReason =
    data && data.editableLocales.length === 0
      ? data.status === 'retired'
        ? t('handbook:contentTranslation.readOnlyRetired')
        : t('handbook:contentTranslation.readOnly')
      : null

  return (
    <Stack gap="lg">
      <HandbookBreadcrumbs version={v ?? null} current={t('handbook:contentTranslation.title')} />
      <PageHeader
        title={t('handbook:contentTranslation.title')}
        subtitle={
          v && (
            <Group component="span" gap="xs">
              <span>{t('handbook:version.subtitle', { code: v.framework.code, label: v.label })}</span>
              <VersionStatusBadge status={v.status} />
            </Group>
          )
        }
        actions={
          data && (
            <>
              <Button
                component="a"
                variant="default"
                href={workbookUrl(versionId, shown.length ? shown : available, i18n.language)}
                download
              >
                {t('handbook:contentTranslation.download')}
              </Button>
              {!readOnlyReason && (
                <Button variant="default" onClick={() => setUploading(true)}>
                  {t('handbook:contentTranslation.upload.open')}
                </Button>
              )}
            </>
          )
        }
      />
      {overview.isPending && <ListSkeleton rows={6} label={t('handbook:contentTranslation.loading')} />}
      {overview.isError && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      {data && item && (
        <>
          {readOnlyReason && (
            <Alert color="gray" variant="light">
              {readOnlyReason}
            </Alert>
          )}
          <LocaleTotals overview={data} available={available} shown={shown} onShownChange={setShown} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
              <ItemList overview={data} locales={shown} selected={item.key} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
              <ItemEditor
                overview={data}
                item={item}
                locales={shown}
                drafts={drafts}
                onDraftsChange={setDrafts}
                onReload={() => overview.refetch()}
              />
            </Grid.Col>
          </Grid>
        </>
      )}
      {uploading && <UploadWorkbookModal versionId={versionId} onClose={() => setUploading(false)} />}
      {blocker.state === 'blocked' && (
        <ConfirmModal
          title={t('handbook:contentTranslation.leave.title')}
          message={t('handbook:contentTranslation.leave.message')}
          confirmLabel={t('handbook:contentTranslation.leave.confirm')}
          danger
          onConfirm={() => {
            setDrafts({})
            blocker.proceed()
          }}
          onClose={() => blocker.reset()}
        />
      )}
    </Stack>
  )
}
