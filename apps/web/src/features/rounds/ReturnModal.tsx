import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { Answer } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'

interface Props {
  /** The API path of the answer (`…/answers/{organisationId}`). */
  path: string
  answer: Answer
  onReturned: (answer: Answer) => void
  onClose: () => void
}

/** The country lead or an expert sends a submitted answer back to its organisation, saying what to fix. */
export function ReturnModal({ path, answer, onReturned, onClose }: Props) {
  const { t } = useTranslation()
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const send = useMutation({
    mutationFn: () =>
      api<{ data: Answer }>(`${path}/return`, {
        method: 'POST',
        body: { version: answer.version, comment: comment.trim() },
      }),
    onSuccess: (r) => {
      onReturned(r.data)
      onClose()
    },
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!comment.trim()) {
      setError(t('rounds:return.commentRequired'))
      return
    }
    setError(null)
    send.mutate()
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('rounds:return.title', { organisation: answer.organisation.name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('rounds:return.intro')}</Text>
          <Textarea
            label={t('rounds:return.comment')}
            description={t('rounds:return.commentHint')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={error}
            autosize
            minRows={3}
            required
            data-autofocus
          />
          {send.error && <ErrorAlert error={send.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('rounds:return.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
