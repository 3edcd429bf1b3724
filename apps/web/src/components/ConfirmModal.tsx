import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from './ErrorAlert.tsx'

interface ConfirmModalProps {
  title: string
  message: string
  confirmLabel: string
  danger?: boolean
  loading?: boolean
  error?: unknown
  onConfirm: () => void
  onClose: () => void
}

/** Asks before an action that cannot simply be undone; focus starts on Cancel. */
export function ConfirmModal(props: ConfirmModalProps) {
  const { title, message, confirmLabel, danger, loading, error, onConfirm, onClose } = props
  const { t } = useTranslation()
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        {Boolean(error) && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common:actions.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
