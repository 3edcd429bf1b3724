import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { AlertIcon } from './icons.tsx'

/** The translated sentence for an error: by API error code, or a generic one. */
export function useErrorMessage() {
  const { t } = useTranslation()
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('common:errors.code.internal')
    if (error.code === 'rate_limited') {
      const seconds = error.retryAfterSeconds
      return seconds
        ? t('common:errors.rateLimitedWait', { minutes: Math.max(1, Math.ceil(seconds / 60)) })
        : t('common:errors.code.rate_limited')
    }
    return t(`common:errors.code.${error.code}`)
  }
}

interface ErrorAlertProps {
  error: unknown
  title?: string
  onRetry?: () => void
}

/** An error box for a failed load or action: what happened, what to do, and the request id for support. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation()
  const message = useErrorMessage()
  const requestId = error instanceof ApiError ? error.requestId : null
  return (
    <Alert color="red" variant="light" title={title ?? t('common:errors.title')} icon={<AlertIcon />}>
      <Stack gap="xs">
        <Text size="sm">{message(error)}</Text>
        {requestId && error instanceof ApiError && error.status >= 500 && (
          <Text size="xs" c="dimmed">
            {t('common:errors.requestId', { id: requestId })}
          </Text>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="white" color="red" onClick={onRetry}>
              {t('common:actions.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  )
}
