import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { ReminderResult, ReminderSelection } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { sendReminders, useReminderPreview } from './reminders-api.ts'

/** The longest personal note the server takes. */
const NOTE_MAX = 1000

interface Props {
  roundId: string
  country: string
  /** 'late': every late indicator of the country; or the codes of the indicators to remind about. */
  selection: ReminderSelection
  /** The button's words ("Remind all late", "Send reminder"). */
  label: string
  /** The dialog's title. */
  title: string
}

/**
 * A button that asks, in a dialog, before reminding everyone who still has to act on the chosen indicators: how many
 * people will be reminded (and how many reminders the 24-hour throttle skips), with an optional personal note. The
 * result is announced next to the button (a polite live region that is always there); focus returns to the button.
 */
export function RemindButton({ roundId, country, selection, label, title }: Props) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const [result, setResult] = useState<ReminderResult | null>(null)
  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="light"
        onClick={() => {
          setResult(null)
          setOpened(true)
        }}
      >
        {label}
      </Button>
      <Text size="sm" role="status" aria-live="polite" data-testid="reminder-result">
        {result ? t('rounds:remind.result', { recipients: result.recipients, skipped: result.skipped }) : ''}
      </Text>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={title}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        {opened && (
          <RemindForm
            roundId={roundId}
            country={country}
            selection={selection}
            onClose={() => setOpened(false)}
            onSent={(sent) => {
              setResult(sent)
              setOpened(false)
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}

interface FormProps {
  roundId: string
  country: string
  selection: ReminderSelection
  onClose: () => void
  onSent: (result: ReminderResult) => void
}

function RemindForm({ roundId, country, selection, onClose, onSent }: FormProps) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const preview = useReminderPreview(roundId, country, selection)
  const send = useMutation({
    mutationFn: () => sendReminders(roundId, country, selection, note),
    onSuccess: onSent,
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    send.mutate()
  }
  const nobody = preview.data ? preview.data.reminded === 0 : true
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('rounds:remind.intro')}</Text>
        <div aria-live="polite">
          <Text size="sm" fw={600}>
            {preview.data
              ? t('rounds:remind.previewPeople', { count: preview.data.recipients })
              : preview.isPending
                ? t('rounds:remind.previewLoading')
                : ''}
          </Text>
          {preview.data && preview.data.skipped > 0 && (
            <Text size="sm">{t('rounds:remind.previewSkipped', { count: preview.data.skipped })}</Text>
          )}
        </div>
        {preview.error && <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />}
        <Textarea
          label={t('rounds:remind.note')}
          description={t('rounds:remind.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={NOTE_MAX}
          rows={3}
          resize="vertical"
          data-autofocus
        />
        {send.error && <ErrorAlert error={send.error} title={t('rounds:remind.failed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={send.isPending} disabled={nobody}>
            {t('rounds:remind.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
