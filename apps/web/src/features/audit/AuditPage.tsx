import { Button, Group, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { hasAbility } from '../../app/permissions.ts'
import { useMe } from '../../app/queries.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { AuditFilters } from './AuditFilters.tsx'
import { AuditTable } from './AuditTable.tsx'
import { type AuditFilter, filterFromParams, useAuditEvents } from './api.ts'

/** The audit log: who did what and when, filtered through the URL and paged towards older events. */
export default function AuditPage() {
  const { t } = useTranslation()
  usePageTitle(t('audit:title'))
  const me = useMe().data
  const [params, setParams] = useSearchParams()
  const filter = filterFromParams(params)
  const canRead = hasAbility(me, 'audit.read')
  const events = useAuditEvents(filter)
  if (!canRead) return <NotFound />

  const apply = (next: AuditFilter) => {
    const query = new URLSearchParams()
    for (const [k, v] of Object.entries(next)) if (v) query.set(k, v)
    setParams(query)
  }
  const older = () => {
    if (events.data?.nextCursor) apply({ ...filter, before: events.data.nextCursor })
  }
  const { before, ...withoutCursor } = filter

  return (
    <Stack gap="lg">
      <PageHeader title={t('audit:title')} subtitle={t('audit:subtitle')} />
      <Section title={t('audit:filters.title')}>
        <AuditFilters key={params.toString()} value={filter} onApply={apply} />
      </Section>
      <Section
        title={t('audit:table.title')}
        description={before ? t('audit:paging.olderShown') : t('audit:paging.newestShown')}
      >
        {events.isPending && <ListSkeleton rows={6} label={t('audit:table.loading')} />}
        {events.isError && <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
        {events.data?.data.length === 0 && <EmptyState>{t('audit:table.empty')}</EmptyState>}
        {events.data && events.data.data.length > 0 && (
          <AuditTable events={events.data.data} canOpenPeople={hasAbility(me, 'user.list')} />
        )}
        <Group justify="space-between">
          {before ? (
            <Button variant="default" onClick={() => apply(withoutCursor)}>
              {t('audit:paging.newest')}
            </Button>
          ) : (
            <span />
          )}
          {events.data?.nextCursor && (
            <Button variant="default" onClick={older} loading={events.isFetching}>
              {t('audit:paging.older')}
            </Button>
          )}
        </Group>
      </Section>
    </Stack>
  )
}
