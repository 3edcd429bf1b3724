import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { Comment, Thread } from '@thbm/shared'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { useDates } from '../rounds/dates.ts'

export interface CommentItemProps {
  comment: Comment
  /** The API path of this comment (`…/comments/{id}`); `/resolve` and `/reopen` go below it. */
  path: string
  /** Whether to offer Resolve / Reopen (writers; the server decides and may answer 403). */
  mayAct: boolean
  /** The thread the server answered after resolving or reopening, and what to announce. */
  onChanged: (thread: Thread, announcement: string) => void
  /** Someone else changed the comment first (409): reload the thread. */
  onStale: () => void
}

/**
 * One comment: who wrote it and when, the text as plain text (line breaks kept, never HTML), whom it notified, and
 * whether it is resolved — in words, not only by colour. A resolved comment is collapsed behind a toggle.
 */
export function CommentItem({ comment, path, mayAct, onChanged, onStale }: CommentItemProps) {
  const { t } = useTranslation()
  const fmt = useDates()
  const errorMessage = useErrorMessage()
  const bodyId = useId()
  const authorId = useId()
  const box = useRef<HTMLLIElement>(null)
  const resolved = comment.resolvedAt !== null
  const [expanded, setExpanded] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [acted, setActed] = useState(false)
  const author = comment.author?.name ?? t('discussion:thread.unknownAuthor')

  // After resolving or reopening, the comment (which stays in place) takes the focus, so it is not lost.
  useEffect(() => {
    if (acted) {
      box.current?.focus()
      setActed(false)
    }
  }, [acted])

  const act = async () => {
    setBusy(true)
    setError(null)
    try {
      const res = await api<{ data: Thread }>(`${path}/${resolved ? 'reopen' : 'resolve'}`, {
        method: 'POST',
        body: { version: comment.version },
      })
      setExpanded(false)
      onChanged(res.data, resolved ? t('discussion:thread.reopened') : t('discussion:thread.resolved'))
      setActed(true)
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) setError(t('discussion:thread.forbidden'))
      else if (e instanceof ApiError && e.status === 409) onStale()
      else setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Paper
      component="li"
      ref={box}
      tabIndex={-1}
      withBorder
      radius="sm"
      p="sm"
      bg={resolved ? 'gray.0' : 'white'}
      aria-labelledby={authorId}
      data-testid="comment"
      data-resolved={resolved || undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={0}>
            <Text size="sm" fw={600} id={authorId}>
              {author}
            </Text>
            <Text size="xs" c="dimmed">
              <time dateTime={comment.createdAt}>{fmt.dateTime(comment.createdAt)}</time>
            </Text>
          </Stack>
          <Badge variant="light" color={resolved ? 'gray' : 'blue'} radius="sm">
            {resolved ? t('discussion:thread.resolvedBadge') : t('discussion:thread.openBadge')}
          </Badge>
        </Group>
        {resolved && (
          <Text size="sm">
            {t('discussion:thread.resolvedBy', {
              who: comment.resolvedBy?.name ?? t('discussion:thread.unknownAuthor'),
              when: fmt.dateTime(comment.resolvedAt),
            })}
          </Text>
        )}
        <div id={bodyId} hidden={resolved && !expanded}>
          <Stack gap={4}>
            <Text size="sm" className="comment-body" data-testid="comment-body">
              {comment.body}
            </Text>
            {comment.mentions.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('discussion:thread.mentioned', { names: comment.mentions.map((m) => m.name).join(', ') })}
              </Text>
            )}
          </Stack>
        </div>
        {(resolved || mayAct) && (
          <Group gap="xs">
            {resolved && (
              <Button
                size="compact-sm"
                variant="subtle"
                aria-expanded={expanded}
                aria-controls={bodyId}
                onClick={() => setExpanded((v) => !v)}
              >
                {expanded ? t('discussion:thread.hideResolved') : t('discussion:thread.showResolved')}
              </Button>
            )}
            {mayAct && (
              <Button
                size="compact-sm"
                variant="light"
                loading={busy}
                aria-label={
                  resolved
                    ? t('discussion:thread.reopenLabel', { author })
                    : t('discussion:thread.resolveLabel', { author })
                }
                onClick={() => void act()}
              >
                {resolved ? t('discussion:thread.reopen') : t('discussion:thread.resolve')}
              </Button>
            )}
          </Group>
        )}
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
