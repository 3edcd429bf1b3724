import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ReviewDetail } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { ConfirmModal } from '../../components/ConfirmModal.tsx'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { Section } from '../../components/Section.tsx'
import { useFormat } from '../../i18n/format.ts'
import { closeReview, closeRound, openRound, reviewKeys, useStoreReview } from './api.ts'
import { reviewCan } from './permissions.ts'

type Step = 'open' | 'closeRound' | 'close'

/** Where the review stands, in one sentence with the next step. */
function useStateText(review: ReviewDetail): string {
  const { t } = useTranslation()
  const format = useFormat()
  const round = review.currentRound
  const closesOn = review.schedule[round - 1]
  if (review.status === 'closed') return t('review:rounds.stateClosed', { rounds: round })
  if (round === 0)
    return review.participants?.length ? t('review:rounds.stateReady') : t('review:rounds.stateNoParticipants')
  if (review.roundOpen)
    return closesOn
      ? t('review:rounds.stateOpenUntil', { round, date: format.date(closesOn) })
      : t('review:rounds.stateOpen', { round })
  return t('review:rounds.stateBetween', { round, next: round + 1 })
}

/** Opens and closes rating rounds and closes the review, each version-checked; asks before closing. */
export function RoundControls({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation()
  const store = useStoreReview()
  const queryClient = useQueryClient()
  const next = review.currentRound + 1
  const [closesOn, setClosesOn] = useState(review.schedule[next - 1] ?? '')
  const [confirm, setConfirm] = useState<Step | null>(null)
  const state = useStateText(review)
  const run = useMutation({
    mutationFn: (step: Step) =>
      step === 'open'
        ? openRound(review.id, review.version, closesOn || null)
        : step === 'closeRound'
          ? closeRound(review.id, review.version)
          : closeReview(review.id, review.version),
    onSuccess: (updated) => {
      setConfirm(null)
      store(updated)
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict') setConfirm(null)
    },
  })
  const conflict = run.error instanceof ApiError && run.error.code === 'conflict'
  const reload = () => {
    run.reset()
    void queryClient.invalidateQueries({ queryKey: reviewKeys.one(review.id) })
  }
  const canOpen = reviewCan(review, 'review.openRound')
  const canCloseRound = reviewCan(review, 'review.closeRound')
  const canClose = reviewCan(review, 'review.close')
  return (
    <Section title={t('review:rounds.title')} description={t('review:rounds.hint')}>
      <Alert color="blue" variant="light" icon={<InfoIcon />} role="status">
        {state}
      </Alert>
      {conflict ? <ConflictAlert onReload={reload} /> : run.error && !confirm && <ErrorAlert error={run.error} />}
      <Stack gap="sm">
        {canOpen && (
          <Group align="flex-end" gap="sm">
            <TextInput
              type="date"
              label={t('review:rounds.closesOn', { round: next })}
              value={closesOn}
              onChange={(e) => setClosesOn(e.currentTarget.value)}
            />
            <Button onClick={() => run.mutate('open')} loading={run.isPending && run.variables === 'open'}>
              {t('review:rounds.open', { round: next })}
            </Button>
          </Group>
        )}
        {!canOpen && review.status === 'draft' && (
          <Text size="sm" c="dimmed">
            {t('review:rounds.addFirst')}
          </Text>
        )}
        {(canCloseRound || canClose) && (
          <Group gap="sm">
            {canCloseRound && (
              <Button variant="default" onClick={() => setConfirm('closeRound')}>
                {t('review:rounds.closeRound', { round: review.currentRound })}
              </Button>
            )}
            {canClose && (
              <Button variant="default" color="red" onClick={() => setConfirm('close')}>
                {t('review:rounds.closeReview')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {confirm === 'closeRound' && (
        <ConfirmModal
          title={t('review:rounds.closeRoundTitle', { round: review.currentRound })}
          message={t('review:rounds.closeRoundMessage', { round: review.currentRound })}
          confirmLabel={t('review:rounds.closeRound', { round: review.currentRound })}
          loading={run.isPending}
          error={conflict ? null : run.error}
          onConfirm={() => run.mutate('closeRound')}
          onClose={() => setConfirm(null)}
        />
      )}
      {confirm === 'close' && (
        <ConfirmModal
          title={t('review:rounds.closeReviewTitle')}
          message={t('review:rounds.closeReviewMessage')}
          confirmLabel={t('review:rounds.closeReview')}
          danger
          loading={run.isPending}
          error={conflict ? null : run.error}
          onConfirm={() => run.mutate('close')}
          onClose={() => setConfirm(null)}
        />
      )}
    </Section>
  )
}
