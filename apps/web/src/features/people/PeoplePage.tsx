import { Button, Stack, Text } from '@mantine/core'
import type { Role } from '@thbm/shared'
import { ROLES } from '@thbm/shared/roles'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { hasAbility } from '../../app/permissions.ts'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { useUsers } from './api.ts'
import { InviteModal } from './InviteModal.tsx'
import { PendingInvitations } from './PendingInvitations.tsx'
import { PeopleFilters } from './PeopleFilters.tsx'
import { PeopleTable } from './PeopleTable.tsx'

const asRole = (v: string | null): Role | undefined =>
  v && (ROLES as readonly string[]).includes(v) ? (v as Role) : undefined

/** People: a filterable list, inviting someone, and the invitations still pending. */
export default function PeoplePage() {
  const { t } = useTranslation()
  usePageTitle(t('people:title'))
  const me = useMe().data
  const [params] = useSearchParams()
  const [inviting, setInviting] = useState(false)
  const canList = hasAbility(me, 'user.list')
  const filter = {
    country: /^[A-Z]{2}$/.test(params.get('country') ?? '') ? (params.get('country') as string) : undefined,
    role: asRole(params.get('role')),
    q: params.get('q') || undefined,
  }
  const users = useUsers(filter, canList)
  if (!me || !canList) return <NotFound />
  const canInvite = hasAbility(me, 'user.invite')

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('people:title')}
        subtitle={t('people:subtitle')}
        actions={canInvite && <Button onClick={() => setInviting(true)}>{t('people:invite.open')}</Button>}
      />
      <Section title={t('people:list.title')}>
        <PeopleFilters />
        {users.isPending && <ListSkeleton rows={5} label={t('people:list.loading')} />}
        {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
        {users.data && (
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {t('people:list.count', { count: users.data.length })}
          </Text>
        )}
        {users.data?.length === 0 && <Text c="dimmed">{t('people:list.empty')}</Text>}
        {users.data && users.data.length > 0 && <PeopleTable users={users.data} caption={t('people:list.title')} />}
      </Section>
      <PendingInvitations canInvite={canInvite} />
      {inviting && <InviteModal me={me.data} onClose={() => setInviting(false)} />}
    </Stack>
  )
}
