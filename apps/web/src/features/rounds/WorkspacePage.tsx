import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core'
import type { ProgressRow } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { useMe } from '../../app/queries.ts'
import { useCountryName } from '../../components/country-name.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { AgreementSection } from '../assessments/AgreementSection.tsx'
import { AreaScoresSection } from '../assessments/AreaScoresSection.tsx'
import { NarrativesSection } from '../discussion/NarrativesSection.tsx'
import { NotFound } from '../errors/NotFound.tsx'
import { RecommendationsSection } from '../recommendations/RecommendationsSection.tsx'
import { AssignmentModal } from './AssignmentModal.tsx'
import { isNotFound, useFrameworkVersion, useProgress, useRound } from './api.ts'
import { IndicatorTable } from './IndicatorTable.tsx'
import { ProgressSummary } from './ProgressSummary.tsx'
import { readsAssessments, readsDiscussion, seesOwnAnswersOnly } from './permissions.ts'
import { RemindButton } from './RemindButton.tsx'
import { mayRemind } from './reminders-api.ts'
import { RoundStatusBadge } from './StatusBadges.tsx'
import { SubmitAllPanel } from './SubmitAllPanel.tsx'
import { TemplatePanel } from './TemplatePanel.tsx'
import { WorkspaceFilters } from './WorkspaceFilters.tsx'
import { filterRows, readFilters } from './workspace-filters.ts'

/**
 * A country's workspace in a round: completeness per area, who is late (the lead reminds them all at once), and every
 * indicator with its assignment and state; the country lead assigns indicators here. Filters live in the URL. 404 from the API shows "not found".
 */
export default function WorkspacePage() {
  const { t } = useTranslation()
  const params = useParams()
  const roundId = params.roundId ?? ''
  const country = (params.country ?? '').toUpperCase()
  const countryName = useCountryName()
  const me = useMe().data?.data ?? null
  const [search] = useSearchParams()
  const round = useRound(roundId)
  const progress = useProgress(roundId, country)
  const version = useFrameworkVersion(round.data?.frameworkVersion.id ?? null)
  const [assigning, setAssigning] = useState<ProgressRow | null>(null)
  const name = countryName(country)
  usePageTitle(round.data ? t('rounds:workspace.title', { country: name, round: round.data.name }) : null)

  if (isNotFound(progress.error) || isNotFound(round.error)) {
    return <NotFound message={t('rounds:workspace.notFound')} />
  }
  const error = progress.error ?? round.error
  const data = progress.data
  const areas = version.data?.areas ?? []
  const baseLocale = version.data?.framework.baseLocale ?? 'en'
  const rows = data ? filterRows(data.indicators, readFilters(search)) : []
  const canAssign = Boolean(data?.abilities.includes('assignment.edit'))
  const open = data ? ['planning', 'collecting', 'reviewing'].includes(data.round.status) : false

  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('common:a11y.breadcrumbs')}>
        <Anchor component={Link} to="/rounds" size="sm">
          {t('rounds:list.title')}
        </Anchor>
        <Anchor component={Link} to={`/rounds/${roundId}`} size="sm">
          {round.data?.name ?? '…'}
        </Anchor>
        <span aria-current="page">{name}</span>
      </Breadcrumbs>
      {(progress.isPending || round.isPending) && !error && <ListSkeleton rows={5} />}
      {error && <ErrorAlert error={error} onRetry={() => void progress.refetch()} />}
      {data && round.data && (
        <>
          <PageHeader
            title={t('rounds:workspace.title', { country: name, round: round.data.name })}
            subtitle={t('rounds:workspace.subtitle', { year: round.data.referenceYear })}
            actions={<RoundStatusBadge status={data.round.status} size="lg" />}
          />
          <ProgressSummary
            progress={data}
            areas={areas}
            baseLocale={baseLocale}
            roundId={roundId}
            ownOnly={me ? seesOwnAnswersOnly(me, country) : false}
            lateAction={
              mayRemind(data) && (
                <RemindButton
                  roundId={roundId}
                  country={country}
                  selection="late"
                  label={t('rounds:remind.allButton')}
                  title={t('rounds:remind.allTitle')}
                />
              )
            }
          />
          <TemplatePanel roundId={roundId} country={country} status={data.round.status} />
          <SubmitAllPanel roundId={roundId} country={country} progress={data} />
          <Section
            title={t('rounds:workspace.indicatorsTitle')}
            description={canAssign && open ? t('rounds:workspace.leadHint') : t('rounds:workspace.indicatorsHint')}
          >
            <WorkspaceFilters rows={data.indicators} areas={areas} baseLocale={baseLocale} />
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('rounds:workspace.shown', { shown: rows.length, total: data.indicators.length })}
            </Text>
            {data.indicators.length === 0 && (
              <EmptyState>
                {data.round.status === 'planning' ? t('rounds:workspace.emptyPlanning') : t('rounds:workspace.empty')}
              </EmptyState>
            )}
            {rows.length > 0 && (
              <IndicatorTable
                rows={rows}
                baseLocale={baseLocale}
                entryPath={`/rounds/${roundId}/countries/${country}/indicators`}
                caption={t('rounds:workspace.indicatorsTitle')}
                onAssign={canAssign && open ? setAssigning : undefined}
              />
            )}
          </Section>
          {/* Only what the user may read is asked for (data providers read neither scores nor the team's texts). */}
          {readsAssessments(data) && (
            <>
              <AreaScoresSection roundId={roundId} country={country} areas={areas} baseLocale={baseLocale} />
              <AgreementSection
                roundId={roundId}
                country={country}
                doubleScoring={round.data.options.doubleScoring}
                areas={areas}
                indicators={version.data?.indicators ?? []}
                baseLocale={baseLocale}
              />
            </>
          )}
          {readsDiscussion(data) && (
            <NarrativesSection
              roundId={roundId}
              country={country}
              areaCodes={data.areas.map((a) => a.area)}
              areas={areas}
              baseLocale={baseLocale}
              roundStatus={data.round.status}
            />
          )}
          <RecommendationsSection
            round={round.data}
            country={country}
            areas={areas}
            baseLocale={baseLocale}
            indicatorCodes={data.indicators.map((i) => i.code)}
          />
          {assigning && (
            <AssignmentModal roundId={roundId} country={country} row={assigning} onClose={() => setAssigning(null)} />
          )}
        </>
      )}
    </Stack>
  )
}
