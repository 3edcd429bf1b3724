import { Anchor, Breadcrumbs, Button, SimpleGrid, Stack, Text } from '@mantine/core'
import type { Round } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { Facts } from '../../components/Facts.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { RoundDashboardLink } from '../dashboards/EntryLinks.tsx'
import { NotFound } from '../errors/NotFound.tsx'
import { mayReadReports } from '../reports/permissions.ts'
import { isNotFound, useRound } from './api.ts'
import { useDates } from './dates.ts'
import { EditRoundModal } from './EditRoundModal.tsx'
import { RoundCountries } from './RoundCountries.tsx'
import { RoundStatusPanel } from './RoundStatusPanel.tsx'
import { RoundStatusBadge } from './StatusBadges.tsx'
import { useFocusName } from './text.tsx'

/** One round: details, milestones, its stage and moves, and the countries' workspaces. */
export default function RoundPage() {
  const { t } = useTranslation()
  const roundId = useParams().roundId ?? ''
  const round = useRound(roundId)
  const [editing, setEditing] = useState(false)
  const me = useMe().data?.data
  usePageTitle(round.data?.name ?? t('rounds:list.title'))
  if (isNotFound(round.error)) return <NotFound message={t('rounds:round.notFound')} />
  const data = round.data
  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/rounds" size="sm">
          {t('rounds:list.title')}
        </Anchor>
        <span aria-current="page">{data?.name ?? '…'}</span>
      </Breadcrumbs>
      {round.isPending && <ListSkeleton rows={4} />}
      {round.isError && <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />}
      {data && (
        <>
          <PageHeader
            title={data.name}
            subtitle={t('rounds:round.subtitle', {
              year: data.referenceYear,
              framework: data.frameworkVersion.frameworkCode,
              version: data.frameworkVersion.label,
            })}
            actions={
              <>
                <RoundStatusBadge status={data.status} size="lg" />
                <RoundDashboardLink roundId={data.id} status={data.status} />
                {mayReadReports(me) && (
                  <Button component={Link} to={`/rounds/${data.id}/reports`} variant="light">
                    {t('reports:page.link')}
                  </Button>
                )}
                {data.abilities.includes('round.edit') && (
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t('rounds:edit.open')}
                  </Button>
                )}
              </>
            }
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <RoundDetails round={data} />
            <RoundMilestones round={data} />
          </SimpleGrid>
          <RoundStatusPanel round={data} />
          <RoundCountries round={data} />
          {editing && <EditRoundModal round={data} onClose={() => setEditing(false)} />}
        </>
      )}
    </Stack>
  )
}

function RoundDetails({ round }: { round: Round }) {
  const { t } = useTranslation()
  const fmt = useDates()
  const focusName = useFocusName()
  const yesNo = (v: boolean) => (v ? t('rounds:round.yes') : t('rounds:round.no'))
  const percent = (share: number) => fmt.percent(share, 1)
  return (
    <Section title={t('rounds:round.details')}>
      <Facts
        items={[
          { label: t('rounds:round.period'), value: `${fmt.date(round.periodFrom)} – ${fmt.date(round.periodTo)}` },
          { label: t('rounds:round.referenceYear'), value: round.referenceYear },
          { label: t('rounds:form.focus'), value: focusName(round) },
          {
            label: t('rounds:form.manual'),
            value: round.manualIndicators.length ? round.manualIndicators.join(', ') : t('rounds:round.none'),
          },
          { label: t('rounds:form.doubleScoring'), value: yesNo(round.options.doubleScoring) },
          { label: t('rounds:form.ranking'), value: yesNo(round.options.ranking) },
          { label: t('rounds:form.discrepancy'), value: percent(round.options.discrepancyShare) },
          { label: t('rounds:form.change'), value: percent(round.options.changeThreshold) },
        ]}
      />
    </Section>
  )
}

function RoundMilestones({ round }: { round: Round }) {
  const { t } = useTranslation()
  const fmt = useDates()
  const when = (date: string | null) =>
    date ? (
      fmt.date(date)
    ) : (
      <Text span size="sm" c="dimmed">
        {t('rounds:milestones.notSet')}
      </Text>
    )
  return (
    <Section title={t('rounds:milestones.title')}>
      <Facts
        items={[
          { label: t('rounds:milestones.collectionClosesOn'), value: when(round.milestones.collectionClosesOn) },
          { label: t('rounds:milestones.reviewClosesOn'), value: when(round.milestones.reviewClosesOn) },
          { label: t('rounds:milestones.publicationOn'), value: when(round.milestones.publicationOn) },
        ]}
      />
    </Section>
  )
}
