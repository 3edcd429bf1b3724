import { Anchor } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { useUsers } from '../people/api.ts'
import { PeopleTable } from '../people/PeopleTable.tsx'

/** The people who hold a role in the country, for those who may list people. */
export function CountryPeopleSection({ code }: { code: string }) {
  const { t } = useTranslation()
  const users = useUsers({ country: code })
  return (
    <Section
      title={t('countries:people.title')}
      actions={
        <Anchor component={Link} to={`/people?country=${code}`} size="sm">
          {t('countries:people.manage')}
        </Anchor>
      }
    >
      {users.isPending && <ListSkeleton rows={3} label={t('countries:people.loading')} />}
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.data?.length === 0 && <EmptyState>{t('countries:people.empty')}</EmptyState>}
      {users.data && users.data.length > 0 && <PeopleTable users={users.data} caption={t('countries:people.title')} />}
    </Section>
  )
}
