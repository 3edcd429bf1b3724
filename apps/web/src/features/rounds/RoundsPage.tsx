import { Anchor, Button, Stack, Table, Text } from '@mantine/core'
import type { Round } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMe } from '../../app/queries.ts'
import { sortByName, useCountryName } from '../../components/country-name.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useRounds } from './api.ts'
import { mayPlanRounds } from './permissions.ts'
import { RoundStatusBadge } from './StatusBadges.tsx'
import { useFocusName } from './text.tsx'

/** Monitoring rounds the user takes part in; coordinators plan new ones from here. */
export default function RoundsPage() {
  const { t } = useTranslation()
  usePageTitle(t('rounds:list.title'))
  const me = useMe().data
  const rounds = useRounds()
  const canPlan = me ? mayPlanRounds(me) : false
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('rounds:list.title')}
        subtitle={t('rounds:list.subtitle')}
        actions={
          canPlan && (
            <Button component={Link} to="/rounds/new">
              {t('rounds:list.plan')}
            </Button>
          )
        }
      />
      <Section title={t('rounds:list.sectionTitle')}>
        {rounds.isPending && <ListSkeleton rows={3} label={t('rounds:list.loading')} />}
        {rounds.isError && <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
        {rounds.data?.length === 0 && (
          <EmptyState>{canPlan ? t('rounds:list.emptyCanPlan') : t('rounds:list.empty')}</EmptyState>
        )}
        {rounds.data && rounds.data.length > 0 && <RoundsTable rounds={rounds.data} />}
      </Section>
    </Stack>
  )
}

function RoundsTable({ rounds }: { rounds: Round[] }) {
  const { t, i18n } = useTranslation()
  const focusName = useFocusName()
  const countryName = useCountryName()
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" striped highlightOnHover>
        <Table.Caption className="visually-hidden">{t('rounds:list.sectionTitle')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rounds:list.name')}</Table.Th>
            <Table.Th scope="col">{t('rounds:list.year')}</Table.Th>
            <Table.Th scope="col">{t('rounds:list.focus')}</Table.Th>
            <Table.Th scope="col">{t('rounds:list.status')}</Table.Th>
            <Table.Th scope="col">{t('rounds:list.countries')}</Table.Th>
            <Table.Th scope="col">{t('rounds:list.framework')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rounds.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/rounds/${r.id}`} fw={500}>
                  {r.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{r.referenceYear}</Table.Td>
              <Table.Td>{focusName(r)}</Table.Td>
              <Table.Td>
                <RoundStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {sortByName(
                    r.countries.map((c) => countryName(c.code)),
                    (n) => n,
                    i18n.language,
                  ).join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="nowrap">
                  {t('rounds:list.frameworkVersion', {
                    framework: r.frameworkVersion.frameworkCode,
                    version: r.frameworkVersion.label,
                  })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
