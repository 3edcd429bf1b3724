import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Round } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { ConflictAlert } from '../../components/ConflictAlert.tsx'
import { useCountryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { AlertIcon } from '../../components/icons.tsx'
import { roundKeys, roundPath } from './api.ts'
import { blockersOf, groupBlockers, type RoundMove } from './transitions.ts'

/**
 * Confirms a status move. Moving back asks for a reason; a refused forward move lists what blocks it (countries
 * without indicators, indicators not submitted); a stale version offers to reload the round.
 */
export function TransitionModal({ round, move, onClose }: { round: Round; move: RoundMove; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const countryName = useCountryName()
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const back = move.direction === 'back'
  const transition = useMutation({
    mutationFn: () =>
      api<{ data: Round }>(roundPath(round.id, '/transition'), {
        method: 'POST',
        body: { to: move.to, version: round.version, ...(back ? { reason: reason.trim() } : {}) },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(roundKeys.one(round.id), updated.data)
      void queryClient.invalidateQueries({ queryKey: roundKeys.all })
      onClose()
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (back && !reason.trim()) {
      setReasonError(t('rounds:transition.reasonRequired'))
      return
    }
    setReasonError(null)
    transition.mutate()
  }
  const blockers = blockersOf(transition.error)
  const error = transition.error
  const conflict = error instanceof ApiError && error.code === 'conflict' && error.isVersionConflict
  const reasonIssue = error instanceof ApiError && error.issues.some((i) => i.path === 'body.reason')
  const status = t(`rounds:status.round.${move.to}`)

  return (
    <Modal
      opened
      onClose={onClose}
      title={back ? t('rounds:transition.back.title', { status }) : t(`rounds:transition.forward.${move.to}.title`)}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {back ? t('rounds:transition.back.explain', { status }) : t(`rounds:transition.forward.${move.to}.explain`)}
          </Text>
          {back && (
            <Textarea
              label={t('rounds:transition.reason')}
              description={t('rounds:transition.reasonHint')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError ?? (reasonIssue ? t('rounds:transition.reasonRequired') : undefined)}
              autosize
              minRows={3}
              required
              data-autofocus
            />
          )}
          {blockers.length > 0 && (
            <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('rounds:transition.blockedTitle')}>
              <Text size="sm" mb="xs">
                {t('rounds:transition.blockedText', { count: blockers.length })}
              </Text>
              <List size="sm" spacing={4}>
                {groupBlockers(blockers).map((g) => (
                  <List.Item key={g.countryCode}>
                    {g.noIndicators
                      ? t('rounds:transition.blocker.no_indicators', { country: countryName(g.countryCode) })
                      : [
                          g.codes.length > 0 &&
                            t('rounds:transition.blocker.not_validated', {
                              country: countryName(g.countryCode),
                              count: g.codes.length,
                              codes: g.codes.join(', '),
                            }),
                          g.followUps > 0 &&
                            t('rounds:transition.blocker.follow_up_missing', {
                              country: countryName(g.countryCode),
                              count: g.followUps,
                            }),
                        ]
                          .filter(Boolean)
                          .join(' ')}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {conflict && (
            <ConflictAlert
              onReload={() => {
                void queryClient.invalidateQueries({ queryKey: roundKeys.one(round.id) })
                onClose()
              }}
            />
          )}
          {error && !conflict && blockers.length === 0 && !reasonIssue && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus={back ? undefined : true}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={transition.isPending}>
              {back
                ? t('rounds:transition.back.confirm', { status })
                : t(`rounds:transition.forward.${move.to}.confirm`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
