import { Alert, Button, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { AlertIcon } from './icons.tsx'

/**
 * Shown when a save failed with 409 because someone else changed the record. Nothing is overwritten: the person
 * chooses to load the current version (their unsaved edits are then replaced) or to copy their text first.
 */
export function ConflictAlert({ onReload, reloading }: { onReload: () => void; reloading?: boolean }) {
  const { t } = useTranslation()
  return (
    <Alert color="orange" variant="light" title={t('common:conflict.title')} icon={<AlertIcon />}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('common:conflict.body')}</Text>
        <Button size="xs" variant="white" color="orange" onClick={onReload} loading={reloading}>
          {t('common:conflict.reload')}
        </Button>
      </Stack>
    </Alert>
  )
}
