import { Alert, Group, List, Stack, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import type { Answer, Assessment, ContentLocale, Discrepancy, IndicatorDoc, RoundStatus } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { AlertIcon, InfoIcon } from '../../components/icons.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { isNotFound, roundKeys } from '../rounds/api.ts'
import { useDates } from '../rounds/dates.ts'
import { AssessmentEditor } from './AssessmentEditor.tsx'
import { AssessmentStatusBadge } from './AssessmentStatusBadge.tsx'
import { AssessmentView } from './AssessmentView.tsx'
import { assessmentPath, myScorer, useAssessmentWork, useStoreAssessment } from './api.ts'
import { DoubleScoringSummary } from './DoubleScoringSummary.tsx'
import { doubleScoringState } from './double-scoring.ts'
import { LeadActions } from './LeadActions.tsx'
import { useSourceSummary } from './SourcePickers.tsx'

export interface AssessmentPanelProps {
  roundId: string
  country: string
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  /** The indicator's source answers (from the indicator's work). */
  answers: Answer[]
  roundStatus: RoundStatus
  /** Called once the source answers were reloaded after validating or unlocking (they move with the assessment). */
  onSourcesChanged?: () => void
}

/**
 * The expert's assessment of an indicator on its entry page: whether the sources disagree, the assessment's state,
 * the form for the expert who writes it (or the lead standing in), a read-only view otherwise, and the lead's
 * return / validate / unlock. Hidden for people who do not read assessments (the API answers 404).
 */
export function AssessmentPanel(props: AssessmentPanelProps) {
  const { t } = useTranslation()
  const fmt = useDates()
  const queryClient = useQueryClient()
  const { roundId, country, indicator } = props
  const work = useAssessmentWork(roundId, country, indicator.code)
  const store = useStoreAssessment(roundId, country, indicator.code)
  const meId = useMe().data?.data.id ?? null
  const [nonce, setNonce] = useState(0)

  if (isNotFound(work.error)) return null
  const data = work.data
  const abilities = data?.abilities ?? []
  const scorer = myScorer(abilities) ?? 'primary'
  const main = data?.assessments.find((a) => a.scorer === scorer) ?? null
  const others = data?.assessments.filter((a) => a.scorer !== scorer) ?? []
  const open = props.roundStatus === 'collecting' || props.roundStatus === 'reviewing'
  const writer = myScorer(abilities) !== null
  const editable = writer && open && (!main || main.status === 'draft' || main.status === 'returned')
  const double = data?.doubleScoring ?? false
  const review = abilities.includes('assessment.review')
  const primary = data?.assessments.find((a) => a.scorer === 'primary') ?? null
  const second = data?.assessments.find((a) => a.scorer === 'second') ?? null
  const { unsettled } = doubleScoringState(indicator, primary, second)
  // The lead acts on the first expert's assessment (validation), and on each expert's for returning.
  const leadTarget = review && double ? (primary ?? second) : main

  const reload = async () => {
    await work.refetch()
    setNonce((n) => n + 1)
  }
  /** After the lead's step: the assessment, and the source answers that move with it (validated / unlocked). */
  const changed = async (a: Assessment) => {
    store(a)
    setNonce((n) => n + 1)
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: roundKeys.work(roundId, country, indicator.code) }),
      queryClient.invalidateQueries({ queryKey: roundKeys.progress(roundId, country) }),
    ])
    props.onSourcesChanged?.()
  }

  return (
    <Section
      title={t('assessments:panel.title')}
      description={t('assessments:panel.hint')}
      actions={data ? <AssessmentStatusBadge status={main?.status ?? 'not_started'} size="lg" /> : undefined}
    >
      {work.isPending && <ListSkeleton rows={4} />}
      {work.error && <ErrorAlert error={work.error} onRetry={() => void work.refetch()} />}
      {data && (
        <Stack gap="md">
          <DiscrepancyNotice indicator={indicator} discrepancy={data.discrepancy} answers={props.answers} />
          {double && (
            <DoubleScoringSummary
              path={assessmentPath(roundId, country, indicator.code)}
              indicator={indicator}
              baseLocale={props.baseLocale}
              assessments={data.assessments}
              reviewer={review}
              canSettle={open && abilities.includes('assessment.resolve')}
              onSettled={changed}
            />
          )}
          {!open && writer && (
            <Text size="sm">
              {t('assessments:panel.closed', { status: t(`rounds:status.round.${props.roundStatus}`) })}
            </Text>
          )}
          {main?.status === 'submitted' && (
            <Alert color="teal" variant="light" icon={<InfoIcon />} title={t('assessments:submitted.title')}>
              <Text size="sm">
                {t(main.scorer === 'second' ? 'assessments:submitted.textSecond' : 'assessments:submitted.text', {
                  who: main.submittedBy?.name ?? '—',
                  when: fmt.dateTime(main.submittedAt),
                })}
              </Text>
            </Alert>
          )}
          {main?.status === 'validated' && (
            <Alert
              color="green"
              variant="light"
              icon={<InfoIcon />}
              title={t('assessments:validated.title', {
                who: main.validatedBy?.name ?? '—',
                when: fmt.dateTime(main.validatedAt),
              })}
            >
              <Text size="sm">{t('assessments:validated.locked')}</Text>
            </Alert>
          )}
          {main?.status === 'returned' && !editable && main.returnComment && (
            <Alert color="orange" variant="light" icon={<InfoIcon />} title={t('assessments:returned.title')}>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {main.returnComment}
              </Text>
            </Alert>
          )}
          {leadTarget && (
            <LeadActions
              path={assessmentPath(roundId, country, indicator.code)}
              assessment={leadTarget}
              second={review && double && leadTarget.scorer === 'primary' ? second : undefined}
              unsettled={unsettled}
              abilities={abilities}
              meId={meId}
              open={open}
              onChanged={changed}
            />
          )}
          {double && (main || editable) && (
            <Title order={3} size="h5">
              {t(`assessments:panel.scorer.${scorer}`)}
            </Title>
          )}
          {editable ? (
            <AssessmentEditor
              key={`${scorer}:${nonce}`}
              roundId={roundId}
              country={country}
              indicator={indicator}
              baseLocale={props.baseLocale}
              scorer={scorer}
              assessment={main}
              answers={props.answers}
              discrepancy={data.discrepancy}
              onReload={() => void reload()}
              onSubmitted={double ? () => void work.refetch() : undefined}
            />
          ) : main ? (
            <AssessmentView
              indicator={indicator}
              baseLocale={props.baseLocale}
              country={country}
              assessment={main}
              answers={props.answers}
            />
          ) : (
            <Text size="sm">{t('assessments:panel.notStarted')}</Text>
          )}
          {others.map((a) => (
            <Stack key={a.scorer} gap="sm">
              <Group gap="sm">
                <Title order={3} size="h5">
                  {t(`assessments:panel.scorer.${a.scorer}`)}
                </Title>
                <AssessmentStatusBadge status={a.status} testId={`assessment-status-${a.scorer}`} />
              </Group>
              <AssessmentView
                indicator={indicator}
                baseLocale={props.baseLocale}
                country={country}
                assessment={a}
                answers={props.answers}
              />
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  )
}

interface DiscrepancyProps {
  indicator: IndicatorDoc
  discrepancy: Discrepancy
  answers: Answer[]
}

/** When the sources disagree: how (levels, or figures apart by more than the round allows) and which answers. */
function DiscrepancyNotice({ indicator, discrepancy, answers }: DiscrepancyProps) {
  const { t } = useTranslation()
  const fmt = useDates()
  const summary = useSourceSummary(indicator)
  if (discrepancy.kind === 'none') return null
  const involved = answers.filter((a) => discrepancy.answerIds.includes(a.id))
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<AlertIcon />}
      title={t('assessments:discrepancy.title')}
      data-testid="discrepancy"
    >
      <Stack gap={4}>
        <Text size="sm">
          {discrepancy.kind === 'levels'
            ? t('assessments:discrepancy.levels')
            : t('assessments:discrepancy.values', { spread: fmt.percent(discrepancy.spread ?? 0, 0) })}
        </Text>
        {involved.length > 0 && (
          <List size="sm" spacing={2}>
            {involved.map((a) => (
              <List.Item key={a.id}>
                <strong>{a.organisation.name}</strong>: {summary(a)}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm">{t('assessments:discrepancy.todo')}</Text>
      </Stack>
    </Alert>
  )
}
