import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { useErrorMessage } from '../../components/ErrorAlert.tsx'
import { AlertIcon, CheckIcon } from '../../components/icons.tsx'
import { useDates } from './dates.ts'
import type { SaveState } from './useAutosave.ts'

interface Props {
  state: SaveState
  savedAt: Date | null
  error: unknown
  /** Why saving waits: invalid values, or a conflict to resolve. */
  waiting: 'invalid' | 'conflict' | null
  hasAnswer: boolean
  onRetry: () => void
  /** Shown when the answer may be submitted. */
  onSubmit?: () => void
  submitting: boolean
}

/**
 * The autosave status in an aria-live region ("Saving…", "Saved at 14:32", what went wrong), the reassurance that
 * work is saved while typing, and the Submit button. Sticks to the bottom of the window while the form scrolls.
 */
export function SaveBar({ state, savedAt, error, waiting, hasAnswer, onRetry, onSubmit, submitting }: Props) {
  const { t } = useTranslation()
  const fmt = useDates()
  const errorMessage = useErrorMessage()
  const offline = error instanceof ApiError && (error.code === 'network' || error.status >= 500)
  let text: string
  let tone: 'ok' | 'busy' | 'problem' = 'busy'
  if (state === 'saving') text = t('rounds:save.saving')
  else if (waiting === 'conflict') [text, tone] = [t('rounds:save.conflict'), 'problem']
  else if (state === 'error')
    [text, tone] = [
      offline ? t('rounds:save.offline') : t('rounds:save.failed', { reason: errorMessage(error) }),
      'problem',
    ]
  else if (state === 'pending' && waiting === 'invalid') [text, tone] = [t('rounds:save.invalid'), 'problem']
  else if (state === 'pending') text = t('rounds:save.pending')
  else if (savedAt) [text, tone] = [t('rounds:save.savedAt', { time: fmt.time(savedAt) }), 'ok']
  else [text, tone] = [hasAnswer ? t('rounds:save.upToDate') : t('rounds:save.empty'), 'ok']

  return (
    <Paper className="save-bar" p="sm" radius={0} bg="white">
      <Group justify="space-between" gap="sm" wrap="wrap">
        {/* A steady height: the page must not shift under the pointer while the status changes. */}
        <Stack gap={0} justify="center" mih="3.5rem" style={{ flex: '1 1 16rem' }}>
          <Text
            size="sm"
            fw={600}
            role="status"
            aria-live="polite"
            c={tone === 'problem' ? 'red.9' : tone === 'ok' ? 'teal.9' : undefined}
            data-testid="save-status"
          >
            {tone === 'ok' && <CheckIcon size={14} style={{ verticalAlign: '-2px' }} />}
            {tone === 'problem' && <AlertIcon size={14} style={{ verticalAlign: '-2px' }} />} {text}
          </Text>
          <Text size="xs" c="dimmed">
            {t('rounds:save.reassure')}
          </Text>
        </Stack>
        <Group gap="xs">
          {state === 'error' && waiting !== 'conflict' && (
            <Button size="sm" variant="default" onClick={onRetry}>
              {t('rounds:save.retry')}
            </Button>
          )}
          {onSubmit && (
            <Button size="sm" onClick={onSubmit} loading={submitting}>
              {t('rounds:submit.button')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  )
}
