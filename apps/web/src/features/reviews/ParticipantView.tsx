import { Accordion, Alert, Group, Stack, Switch, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { MyResponses, ReviewDetail } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { useFormat } from '../../i18n/format.ts'
import { useContentText } from '../handbook/useContentText.ts'
import { reviewKeys, setConsent, useMyResponses, useStoreReview } from './api.ts'
import { reviewCan } from './permissions.ts'
import { RatingForm, type WorkspaceItem } from './RatingForm.tsx'
import { isComplete } from './rating-form.ts'
import { useBaseLocale } from './useBaseLocale.ts'

type Progress = 'done' | 'partly' | 'todo'

/** A participant's page: where the round stands and what is left, consent to be named, and every indicator to rate. */
export function ParticipantView({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const mine = useMyResponses(review.id, Boolean(review.me))
  const pick = useContentText(useBaseLocale(review))
  const [open, setOpen] = useState<string | null>(null)
  const [onlyTodo, setOnlyTodo] = useState(false)
  // Bumped when the answers are loaded again after a conflict, so the open form starts from the fresh answer.
  const [reloads, setReloads] = useState(0)
  if (!review.me) return null
  const data = mine.data
  const criteria = data?.criteria ?? review.criteria
  const progress = (item: WorkspaceItem): Progress =>
    isComplete(item.response, criteria) ? 'done' : item.response ? 'partly' : 'todo'
  const done = data?.indicators.filter((i) => progress(i) === 'done').length ?? 0
  const editable = Boolean(data?.roundOpen) && reviewCan(review, 'review.respond')
  const indicators = data?.indicators.map((i) => ({ code: i.code, title: pick(i.title).text })) ?? []
  const shown = data?.indicators.filter((i) => !onlyTodo || progress(i) !== 'done') ?? []
  const onSaved = (next: WorkspaceItem) => {
    queryClient.setQueryData<MyResponses>(reviewKeys.mine(review.id), (old) =>
      old ? { ...old, indicators: old.indicators.map((i) => (i.code === next.code ? next : i)) } : old,
    )
    void queryClient.invalidateQueries({ queryKey: reviewKeys.one(review.id) })
  }
  const onStale = () => {
    setReloads((n) => n + 1)
    void queryClient.invalidateQueries({ queryKey: reviewKeys.one(review.id) })
    void mine.refetch()
  }
  const statusWord: Record<Progress, string> = {
    done: t('review:participant.rated'),
    partly: t('review:participant.partly'),
    todo: t('review:participant.todo'),
  }
  return (
    <Stack gap="lg">
      <RoundStatus review={review} done={done} total={data?.indicators.length ?? review.indicatorCount} />
      <ConsentSection review={review} />
      {review.currentRound > 0 && (
        <Section
          title={t('review:participant.indicatorsTitle', { round: review.currentRound })}
          description={
            review.currentRound > 1 ? t('review:participant.groupHint') : t('review:participant.firstRoundHint')
          }
        >
          {mine.isPending && <ListSkeleton rows={6} />}
          {mine.isError && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
          {data && (
            <>
              <Switch
                label={t('review:participant.onlyTodo')}
                checked={onlyTodo}
                onChange={(e) => setOnlyTodo(e.currentTarget.checked)}
              />
              {shown.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('review:participant.allDone')}
                </Text>
              ) : (
                <Accordion value={open} onChange={setOpen} variant="separated" chevronPosition="left">
                  {shown.map((item) => (
                    <Accordion.Item key={item.code} value={item.code}>
                      <Accordion.Control>
                        <Group justify="space-between" wrap="nowrap" gap="sm">
                          <Text size="sm">
                            <Text span fw={600}>
                              {item.code}
                            </Text>{' '}
                            {pick(item.title).text}
                          </Text>
                          <Text size="xs" c={progress(item) === 'done' ? 'teal.9' : 'dimmed'} className="nowrap">
                            {statusWord[progress(item)]}
                          </Text>
                        </Group>
                      </Accordion.Control>
                      <Accordion.Panel>
                        {open === item.code && (
                          <Stack gap="sm">
                            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                              {pick(item.definition).text}
                            </Text>
                            <RatingForm
                              key={reloads}
                              reviewId={review.id}
                              item={item}
                              criteria={criteria}
                              indicators={indicators}
                              editable={editable}
                              onSaved={onSaved}
                              onStale={onStale}
                            />
                          </Stack>
                        )}
                      </Accordion.Panel>
                    </Accordion.Item>
                  ))}
                </Accordion>
              )}
            </>
          )}
        </Section>
      )}
    </Stack>
  )
}

/** Where the round stands and what is left to rate, in words. */
function RoundStatus({ review, done, total }: { review: ReviewDetail; done: number; total: number }) {
  const { t } = useTranslation()
  const format = useFormat()
  const round = review.currentRound
  const closesOn = review.schedule[round - 1]
  let text: string
  if (review.status === 'closed') text = t('review:participant.reviewClosed')
  else if (round === 0) text = t('review:participant.notStarted')
  else if (review.roundOpen)
    text = closesOn
      ? t('review:participant.openUntil', { round, date: format.date(closesOn) })
      : t('review:participant.open', { round })
  else text = t('review:participant.roundClosed', { round })
  return (
    <Alert
      color={review.roundOpen ? 'blue' : 'gray'}
      variant="light"
      icon={<InfoIcon />}
      title={t('review:participant.statusTitle')}
    >
      <Stack gap={4} data-testid="participant-status">
        <Text size="sm">{text}</Text>
        {round > 0 && (
          <Text size="sm" fw={500}>
            {t('review:participant.progress', { done, total, left: total - done })}
          </Text>
        )}
      </Stack>
    </Alert>
  )
}

/** The participant's own choice to be named to the coordinators next to their ratings. */
function ConsentSection({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation()
  const store = useStoreReview()
  const consent = useMutation({
    mutationFn: (named: boolean) => setConsent(review.id, named),
    onSuccess: (updated) => store(updated),
  })
  if (!review.me || !reviewCan(review, 'review.consent')) return null
  return (
    <Section title={t('review:consent.title')}>
      <Switch
        label={t('review:consent.label')}
        description={t('review:consent.hint')}
        checked={review.me.named}
        disabled={consent.isPending}
        onChange={(e) => consent.mutate(e.currentTarget.checked)}
      />
      {consent.isError && <ErrorAlert error={consent.error} />}
    </Section>
  )
}
