import { Anchor, Button, Stack, Table, Text } from '@mantine/core'
import type { ReviewSummary } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useFormat } from '../../i18n/format.ts'
import { useReviews } from './api.ts'
import { ReviewStatusBadge } from './Badges.tsx'
import { mayRunReviews } from './permissions.ts'

/** Indicator reviews the user runs or takes part in; coordinators start new ones from here. */
export default function ReviewsPage() {
  const { t } = useTranslation()
  usePageTitle(t('review:list.title'))
  const me = useMe().data?.data
  const runs = mayRunReviews(me)
  const reviews = useReviews()
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('review:list.title')}
        subtitle={t('review:list.subtitle')}
        actions={
          runs && (
            <Button component={Link} to="/reviews/new">
              {t('review:list.new')}
            </Button>
          )
        }
      />
      <Section title={t('review:list.sectionTitle')}>
        {reviews.isPending && <ListSkeleton rows={3} label={t('review:list.loading')} />}
        {reviews.isError && <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />}
        {reviews.data?.length === 0 && (
          <Text c="dimmed" size="sm">
            {runs ? t('review:list.emptyCanCreate') : t('review:list.empty')}
          </Text>
        )}
        {reviews.data && reviews.data.length > 0 && <ReviewsTable reviews={reviews.data} />}
      </Section>
    </Stack>
  )
}

function ReviewsTable({ reviews }: { reviews: ReviewSummary[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" striped highlightOnHover>
        <Table.Caption className="visually-hidden">{t('review:list.sectionTitle')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('review:list.name')}</Table.Th>
            <Table.Th scope="col">{t('review:list.handbook')}</Table.Th>
            <Table.Th scope="col">{t('review:list.status')}</Table.Th>
            <Table.Th scope="col">{t('review:list.round')}</Table.Th>
            <Table.Th scope="col">{t('review:list.myPart')}</Table.Th>
            <Table.Th scope="col">{t('review:list.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reviews.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/reviews/${r.id}`} fw={500}>
                  {r.title}
                </Anchor>
              </Table.Td>
              <Table.Td className="nowrap">
                {t('review:list.version', {
                  framework: r.frameworkVersion.frameworkCode,
                  label: r.frameworkVersion.label,
                })}
              </Table.Td>
              <Table.Td>
                <ReviewStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                {r.currentRound === 0
                  ? t('review:round.none')
                  : r.roundOpen
                    ? t('review:round.open', { round: r.currentRound })
                    : t('review:round.closed', { round: r.currentRound })}
              </Table.Td>
              <Table.Td>
                {r.myPart === 'coordinator' ? t('review:list.partCoordinator') : t('review:list.partParticipant')}
              </Table.Td>
              <Table.Td className="nowrap">{format.date(r.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
