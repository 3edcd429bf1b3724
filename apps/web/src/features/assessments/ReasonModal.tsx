import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'

interface Props {
  title: string
  intro: string
  label: string
  hint: string
  submitLabel: string
  /** Shown when the text is left empty. */
  requiredMessage: string
  /** Sends the text; a rejection is shown in the dialog. */
  onSubmit: (text: string) => Promise<void>
  onClose: () => void
}

/**
 * A dialog that asks for one required text before an action (returning with a comment, unlocking with a reason).
 * Focus starts in the text box, stays in the dialog, and goes back to the button that opened it on close.
 */
export function ReasonModal({ title, intro, label, hint, submitLabel, requiredMessage, onSubmit, onClose }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) {
      setError(requiredMessage)
      return
    }
    setError(null)
    setFailure(null)
    setSending(true)
    try {
      await onSubmit(text.trim())
      onClose()
    } catch (e) {
      setFailure(e)
    } finally {
      setSending(false)
    }
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text size="sm">{intro}</Text>
          <Textarea
            label={label}
            description={hint}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={error}
            autosize
            minRows={3}
            required
            data-autofocus
          />
          {Boolean(failure) && <ErrorAlert error={failure} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={sending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
