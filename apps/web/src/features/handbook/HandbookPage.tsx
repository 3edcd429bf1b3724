import { Alert, Button, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useFrameworks } from './api.ts'
import { FrameworkSection } from './FrameworkSection.tsx'
import { ImportModal } from './ImportModal.tsx'

/** The Handbook: every framework with its versions; editors import a framework file as a new draft. */
export default function HandbookPage() {
  const { t } = useTranslation()
  usePageTitle(t('handbook:list.title'))
  const frameworks = useFrameworks()
  const [importing, setImporting] = useState(false)
  const me = useMe().data
  // Abilities come per framework; an installation without any framework yet falls back to the server's rule.
  const canImport =
    frameworks.data?.length === 0
      ? Boolean(me?.data.memberships.some((m) => m.role === 'admin' || m.role === 'regional_coordinator'))
      : Boolean(frameworks.data?.some((f) => f.abilities.includes('framework.import')))
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('handbook:list.title')}
        subtitle={t('handbook:list.subtitle')}
        actions={canImport && <Button onClick={() => setImporting(true)}>{t('handbook:import.open')}</Button>}
      />
      {frameworks.isPending && <ListSkeleton rows={4} label={t('handbook:list.loading')} />}
      {frameworks.isError && <ErrorAlert error={frameworks.error} onRetry={() => void frameworks.refetch()} />}
      {frameworks.data?.length === 0 && (
        <Alert color="blue" variant="light" icon={<InfoIcon />} title={t('handbook:list.emptyTitle')}>
          {t('handbook:list.emptyText')}
        </Alert>
      )}
      {frameworks.data?.map((f) => (
        <FrameworkSection key={f.id} framework={f} />
      ))}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </Stack>
  )
}
