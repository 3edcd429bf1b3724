import { Alert, Anchor, Button, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Me, Progress, SubmitAllResult } from '@thbm/shared'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { useMe } from '../../app/queries.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { AlertIcon } from '../../components/icons.tsx'
import { Section } from '../../components/Section.tsx'
import { type EntryField, entryFieldOf } from './checks.ts'
import {
  organisationNames,
  SUBMIT_ALL_STATUSES,
  submitAllAnswers,
  submitAllRefreshKeys,
  submitCandidates,
} from './submit-all-api.ts'
import { mayUseTemplates } from './templates-api.ts'

interface Props {
  roundId: string
  country: string
  progress: Progress
}

/** How many problems of one answer the result shows; the rest are counted. */
const SHOWN_PROBLEMS = 3

/**
 * "Submit all ready answers" on a country's workspace, for the people who may work offline there (its lead and its
 * data providers) while the round collects data or is in review: after a confirmation, every complete draft the user
 * may write is submitted in one go, and the drafts that are not ready are listed with what they still need.
 */
export function SubmitAllPanel({ roundId, country, progress }: Props) {
  const me = useMe().data?.data
  if (!me || !mayUseTemplates(me, country) || !SUBMIT_ALL_STATUSES.includes(progress.round.status)) return null
  return <SubmitAll roundId={roundId} country={country} progress={progress} me={me} />
}

function SubmitAll({ roundId, country, progress, me }: Props & { me: Me }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  // Focus goes back to the button on "Cancel", and to the result once answers were submitted.
  const [returnFocus, setReturnFocus] = useState(true)
  const [result, setResult] = useState<SubmitAllResult | null>(null)
  const candidates = submitCandidates(progress, me, country)
  const names = organisationNames(progress, me)
  const submit = useMutation({
    mutationFn: () => submitAllAnswers(roundId, country),
    onMutate: () => setResult(null),
    onSuccess: async (data) => {
      setReturnFocus(false)
      setConfirming(false)
      setResult(data)
      await Promise.all(
        submitAllRefreshKeys(roundId, country).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      )
    },
  })
  const open = () => {
    submit.reset()
    setReturnFocus(true)
    setConfirming(true)
  }
  const notOpen = submit.error instanceof ApiError && submit.error.code === 'invalid_state'
  const reviewing = progress.round.status === 'reviewing'

  return (
    <Section title={t('rounds:submitAll.title')} description={t('rounds:submitAll.intro')}>
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">
          {reviewing
            ? t('rounds:submitAll.waitingReturned', { count: candidates })
            : t('rounds:submitAll.waiting', { count: candidates })}
        </Text>
        <Button onClick={open} disabled={candidates === 0}>
          {t('rounds:submitAll.button')}
        </Button>
      </Group>
      {result && (
        <SubmitAllResultView
          result={result}
          organisationName={(id) => names.get(id) ?? id}
          entryPath={(code) =>
            `/rounds/${encodeURIComponent(roundId)}/countries/${country}/indicators/${encodeURIComponent(code)}`
          }
        />
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        returnFocus={returnFocus}
        title={t('rounds:submitAll.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('rounds:submitAll.confirmText', { count: candidates })}</Text>
          <Text size="sm">{t('rounds:submitAll.confirmDrafts')}</Text>
          {submit.error &&
            (notOpen ? (
              <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('rounds:submitAll.failed')}>
                {t('rounds:submitAll.notOpen')}
              </Alert>
            ) : (
              <ErrorAlert error={submit.error} title={t('rounds:submitAll.failed')} />
            ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('common:actions.cancel')}
            </Button>
            <Button onClick={() => submit.mutate()} loading={submit.isPending}>
              {t('rounds:submitAll.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  )
}

interface ResultProps {
  result: SubmitAllResult
  /** An organisation's name by id (the result carries ids only). */
  organisationName: (organisationId: string) => string
  /** The entry page of an indicator in the country. */
  entryPath: (indicatorCode: string) => string
}

/**
 * What "Submit all" did: how many answers were submitted and, for each answer that was not ready, a link to its
 * indicator, its organisation and its first problems (the server's messages, after the field's label). A labelled
 * region; focus moves to its heading when a new result appears.
 */
export function SubmitAllResultView({ result, organisationName, entryPath }: ResultProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const notReadyId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const fieldLabel = useFieldLabel()
  useEffect(() => {
    // Runs for every new result object: each run lands the reader on its own result.
    if (result) heading.current?.focus()
  }, [result])
  const submitted = result.submitted.length
  const notReady = result.notReady
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p="md"
      bg={notReady.length > 0 ? 'orange.0' : 'green.0'}
      data-testid="submit-all-result"
    >
      <Stack gap="xs">
        <Title order={3} size="h5" id={headingId} ref={heading} tabIndex={-1}>
          {t('rounds:submitAll.result.submitted', { count: submitted })}
        </Title>
        {submitted === 0 && notReady.length === 0 && <Text size="sm">{t('rounds:submitAll.result.nothing')}</Text>}
        {submitted > 0 && <Text size="sm">{t('rounds:submitAll.result.submittedHint')}</Text>}
        {notReady.length > 0 && (
          <>
            <Title order={4} size="h6" id={notReadyId}>
              {t('rounds:submitAll.result.notReady', { count: notReady.length })}
            </Title>
            <Text size="sm">{t('rounds:submitAll.result.notReadyHint')}</Text>
            <List size="sm" spacing="xs" aria-labelledby={notReadyId}>
              {notReady.map((item) => {
                const more = item.problems.length - SHOWN_PROBLEMS
                return (
                  <List.Item key={`${item.indicatorCode} ${item.organisationId}`}>
                    <Anchor component={Link} to={entryPath(item.indicatorCode)} fw={600}>
                      {item.indicatorCode}
                    </Anchor>{' '}
                    · {organisationName(item.organisationId)}
                    <List size="sm" withPadding spacing={2}>
                      {item.problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => {
                        const label = fieldLabel(problem.path)
                        return (
                          // Two problems may share a field and a message; their order is stable.
                          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole, never reordered
                          <List.Item key={i}>{label ? `${label}: ${problem.message}` : problem.message}</List.Item>
                        )
                      })}
                    </List>
                    {more > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('rounds:submitAll.result.moreProblems', { count: more })}
                      </Text>
                    )}
                  </List.Item>
                )
              })}
            </List>
          </>
        )}
      </Stack>
    </Paper>
  )
}

/** The form's label of the field a server problem names (`body.value.numerator` → "Numerator"), or null. */
function useFieldLabel(): (path: string) => string | null {
  const { t } = useTranslation()
  const labels: Record<EntryField, string> = {
    'value.choice': t('rounds:entry.answer'),
    'value.number': t('rounds:entry.number'),
    'value.numerator': t('rounds:entry.numerator'),
    'value.denominator': t('rounds:entry.denominator'),
    'value.text': t('rounds:entry.text'),
    value: t('rounds:entry.valueTitle'),
    noDataReason: t('rounds:entry.noDataReason'),
    narrative: t('rounds:entry.narrative'),
    partsExplanation: t('rounds:entry.partsExplanation'),
    changeComment: t('rounds:entry.changeComment'),
    cells: t('rounds:submitAll.result.breakdown'),
    evidence: t('rounds:evidence.heading'),
  }
  return (path) => {
    const field = entryFieldOf(path)
    return field ? labels[field] : null
  }
}
