import { Button, Group, MultiSelect, Stack, Textarea, Title } from '@mantine/core'
import type { Thread } from '@thbm/shared'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'

export interface CommentFormProps {
  /** The thread's API path. */
  path: string
  /** People who may be mentioned (the thread's participants, without the user). */
  participants: { id: string; name: string }[]
  /** The thread the server answered after adding the comment. */
  onAdded: (thread: Thread) => void
}

/** A plain-text comment and the people to notify (by id); the text area keeps the focus for the next comment. */
export function CommentForm({ path, participants, onAdded }: CommentFormProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const [body, setBody] = useState('')
  const [mentions, setMentions] = useState<string[]>([])
  const [bodyError, setBodyError] = useState<string | null>(null)
  const [mentionsError, setMentionsError] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setMentionsError(null)
    if (!body.trim()) {
      setBodyError(t('discussion:form.bodyRequired'))
      textarea.current?.focus()
      return
    }
    setBodyError(null)
    setBusy(true)
    try {
      const res = await api<{ data: Thread }>(path, { method: 'POST', body: { body, mentions } })
      setBody('')
      setMentions([])
      onAdded(res.data)
      textarea.current?.focus()
    } catch (e) {
      if (e instanceof ApiError && e.issues.some((i) => i.path.startsWith('body.mentions'))) {
        setMentionsError(t('discussion:form.notifyInvalid'))
      } else if (e instanceof ApiError && e.issues.some((i) => i.path === 'body.body')) {
        setBodyError(t('discussion:form.bodyRequired'))
        textarea.current?.focus()
      } else {
        setError(e)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          {t('discussion:form.title')}
        </Title>
        <Textarea
          ref={textarea}
          label={t('discussion:form.body')}
          description={t('discussion:form.bodyHint')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={bodyError}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={5000}
          required
        />
        <MultiSelect
          label={t('discussion:form.notify')}
          description={t('discussion:form.notifyHint')}
          placeholder={mentions.length ? undefined : t('discussion:form.notifyPlaceholder')}
          nothingFoundMessage={t('discussion:form.notifyNone')}
          data={participants.map((p) => ({ value: p.id, label: p.name }))}
          value={mentions}
          onChange={setMentions}
          error={mentionsError}
          searchable
          maxValues={20}
          hidePickedOptions
          data-testid="comment-notify"
        />
        {Boolean(error) && <ErrorAlert error={error} />}
        <Group>
          <Button type="submit" loading={busy}>
            {t('discussion:form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
