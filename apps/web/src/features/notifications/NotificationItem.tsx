import { Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { Notification } from '@thbm/shared'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { useFormat } from '../../i18n/format.ts'
import { useMarkRead } from './api.ts'
import { notificationHref, useNotificationText } from './useNotificationText.ts'

/**
 * One notification as a list item: the sentence, a returned answer's comment (a reminder's personal note), when it
 * came, and its actions.
 * Unread ones say so in words (a badge) and in bold, not by colour alone. The buttons' names ("Open: assignment of
 * IDN-1 in …") say which notification they act on, since a page lists many, and begin with their visible words.
 * Opening one marks it read.
 */
export function NotificationItem({ notification: n }: { notification: Notification }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const errorMessage = useErrorMessage()
  const text = useNotificationText()(n)
  const markRead = useMarkRead()
  const openRef = useRef<HTMLAnchorElement>(null)
  const unread = n.readAt === null
  const reminder = n.kind === 'reminder'
  const showComment =
    (n.kind === 'answer_returned' || n.kind === 'assessment_returned' || n.kind === 'comment' || reminder) &&
    Boolean(n.comment)
  const showDue = (n.kind === 'assignment' || reminder) && Boolean(text.due)

  // The button goes away once the notification is read: focus moves to the same item's "Open" link.
  const markThis = () => markRead.mutate({ ids: [n.id] }, { onSuccess: () => openRef.current?.focus() })

  return (
    <li data-notification={n.id} data-unread={unread ? 'true' : 'false'} tabIndex={-1}>
      <Paper
        withBorder
        radius="md"
        p="sm"
        bg={unread ? 'blue.0' : 'white'}
        style={{
          borderInlineStartWidth: 4,
          borderInlineStartColor: unread ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-gray-3)',
        }}
      >
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Stack gap={6} style={{ flex: '1 1 20rem', minWidth: 0 }}>
            <Group gap="xs" align="baseline" wrap="nowrap">
              {unread && (
                <Badge size="sm" variant="filled" color="blue" style={{ flexShrink: 0 }}>
                  {t('notifications:unread')}
                </Badge>
              )}
              <Text fw={unread ? 700 : 400} size="sm">
                {text.sentence}
              </Text>
            </Group>
            {showComment && (
              <Box>
                <Text size="xs" c="dimmed" fw={600}>
                  {reminder ? t('notifications:noteLabel') : t('notifications:commentLabel')}
                </Text>
                <Box
                  component="blockquote"
                  m={0}
                  pl="sm"
                  fz="sm"
                  style={{ borderInlineStart: '3px solid var(--mantine-color-gray-5)', whiteSpace: 'pre-wrap' }}
                >
                  {n.comment}
                </Box>
              </Box>
            )}
            <Text size="xs" c="dimmed">
              <time dateTime={n.createdAt}>{fmt.dateTime(n.createdAt)}</time>
              {showDue && ` · ${t('notifications:due', { due: text.due })}`}
            </Text>
            {markRead.isError && (
              <Text size="xs" c="red.9" role="alert">
                {errorMessage(markRead.error)}
              </Text>
            )}
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button
              ref={openRef}
              component={Link}
              to={notificationHref(n)}
              size="xs"
              variant="light"
              aria-label={t('notifications:openNamed', { about: text.about })}
              onClick={() => {
                if (unread) markRead.mutate({ ids: [n.id] })
              }}
            >
              {t('notifications:open')}
            </Button>
            {unread && (
              <Button
                size="xs"
                variant="default"
                aria-label={t('notifications:markReadNamed', { about: text.about })}
                onClick={markThis}
              >
                {t('notifications:markRead')}
              </Button>
            )}
          </Group>
        </Group>
      </Paper>
    </li>
  )
}
