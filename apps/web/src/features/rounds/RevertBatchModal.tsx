import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ImportBatch } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { AlertIcon } from '../../components/icons.tsx'
import { roundKeys } from './api.ts'
import { useDates } from './dates.ts'
import { blockingAnswers, revertImportBatch, templateKeys } from './templates-api.ts'

interface Props {
  roundId: string
  country: string
  batch: ImportBatch
  onClose: () => void
}

/**
 * The country lead reverts an import batch, giving a reason: its answers go back to what they were before. Refused
 * (409) when some of them changed since; the dialog then lists those answers, to be corrected in the form instead.
 */
export function RevertBatchModal({ roundId, country, batch, onClose }: Props) {
  const { t } = useTranslation()
  const fmt = useDates()
  const queryClient = useQueryClient()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const revert = useMutation({
    mutationFn: () => revertImportBatch(roundId, country, batch.id, reason.trim()),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: templateKeys.batches(roundId, country) }),
        queryClient.invalidateQueries({ queryKey: roundKeys.progress(roundId, country) }),
        queryClient.invalidateQueries({ queryKey: ['rounds', 'work', roundId, country] }),
        queryClient.invalidateQueries({ queryKey: ['rounds', 'my-work'] }),
      ])
      onClose()
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!reason.trim()) {
      setError(t('rounds:imports.revert.reasonRequired'))
      return
    }
    setError(null)
    revert.mutate()
  }
  const blocking = blockingAnswers(revert.error)
  const organisationName = (id: string) => batch.organisations.find((o) => o.id === id)?.name ?? ''
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('rounds:imports.revert.title', { when: fmt.dateTime(batch.createdAt) })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {t('rounds:imports.revert.intro', {
              created: batch.counts.created,
              updated: batch.counts.updated,
            })}
          </Text>
          <Textarea
            label={t('rounds:imports.revert.reason')}
            description={t('rounds:imports.revert.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            autosize
            minRows={3}
            maxLength={2000}
            required
            data-autofocus
          />
          {blocking.length > 0 ? (
            <Alert
              color="red"
              variant="light"
              icon={<AlertIcon />}
              title={t('rounds:imports.revert.blockedTitle')}
              role="alert"
            >
              <Stack gap="xs">
                {revert.error instanceof ApiError && <Text size="sm">{revert.error.message}</Text>}
                <List size="sm" spacing={2} aria-label={t('rounds:imports.revert.blockedTitle')}>
                  {blocking.map((a) => (
                    <List.Item key={a.answerId || `${a.indicatorCode}|${a.organisationId}`}>
                      <Anchor
                        component={Link}
                        to={`/rounds/${roundId}/countries/${country}/indicators/${a.indicatorCode}`}
                        size="sm"
                      >
                        {a.indicatorCode}
                      </Anchor>
                      {organisationName(a.organisationId) && ` · ${organisationName(a.organisationId)}`}
                    </List.Item>
                  ))}
                </List>
                <Text size="sm">{t('rounds:imports.revert.blockedHint')}</Text>
              </Stack>
            </Alert>
          ) : (
            revert.error && <ErrorAlert error={revert.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={revert.isPending}>
              {t('rounds:imports.revert.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
