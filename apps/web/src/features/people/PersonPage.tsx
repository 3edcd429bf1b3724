import { Anchor, Breadcrumbs, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { Facts } from '../../components/Facts.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useFormat } from '../../i18n/format.ts'
import { NotFound } from '../errors/NotFound.tsx'
import { AccountActions } from './AccountActions.tsx'
import { useUser } from './api.ts'
import { MembershipsEditor } from './MembershipsEditor.tsx'

/** One person: details, roles (add and remove), and account actions the signed-in user may take. */
export default function PersonPage() {
  const { t } = useTranslation()
  const fmt = useFormat()
  const id = useParams().id ?? ''
  const me = useMe().data
  const user = useUser(id)
  usePageTitle(user.data?.name ?? t('people:title'))
  if (user.error instanceof ApiError && (user.error.status === 404 || user.error.status === 400)) {
    return <NotFound message={t('people:person.notFound')} />
  }
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/people" size="sm">
          {t('people:title')}
        </Anchor>
        <span aria-current="page">{user.data?.name ?? '…'}</span>
      </Breadcrumbs>
      {user.isPending && <ListSkeleton rows={4} />}
      {user.isError && <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />}
      {user.data && me && (
        <>
          <PageHeader
            title={user.data.name}
            subtitle={user.data.email}
            actions={<StatusBadge size="lg" active={user.data.active} />}
          />
          <Section title={t('people:person.details')}>
            <Facts
              items={[
                { label: t('people:person.email'), value: user.data.email },
                { label: t('people:person.created'), value: fmt.dateTime(user.data.createdAt) },
                {
                  label: t('people:table.lastSignIn'),
                  value: user.data.lastLoginAt ? fmt.dateTime(user.data.lastLoginAt) : t('people:table.never'),
                },
              ]}
            />
          </Section>
          <MembershipsEditor me={me.data} user={user.data} />
          <AccountActions user={user.data} />
        </>
      )}
    </Stack>
  )
}
