import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { useApplyVersion, useDiff, useRefreshHandbook, useVersion, versionApi } from './api.ts'
import { DiffView } from './DiffView.tsx'
import { WriteError } from './WriteError.tsx'

/**
 * Publishing a draft: the dialog first loads and shows what changes against the version it was based on, so the
 * editor confirms knowingly. A draft with problems gets 409 with every issue listed.
 */
export function PublishModal({ version, onClose }: { version: VersionDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const refresh = useRefreshHandbook()
  const applyVersion = useApplyVersion()
  const basedOn = version.basedOn
  const diff = useDiff(version.id, null, basedOn !== null)
  const from = useVersion(basedOn?.id ?? version.id)
  const publish = useMutation({
    mutationFn: () =>
      versionApi<{ data: VersionDetail }>(version.id, '/publish', {
        method: 'POST',
        body: { version: version.version },
      }),
    onSuccess: ({ data }) => {
      applyVersion(data)
      onClose()
    },
  })
  const ready = basedOn === null || diff.isSuccess
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('handbook:publish.title', { label: version.label })}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('handbook:publish.intro')}</Text>
        {basedOn ? (
          <Text size="sm" fw={500}>
            {t('handbook:publish.against', { label: basedOn.label })}
          </Text>
        ) : (
          <Text size="sm" fw={500}>
            {t('handbook:publish.first', { areas: version.areas.length, indicators: version.indicators.length })}
          </Text>
        )}
        {diff.isPending && basedOn && <ListSkeleton rows={3} label={t('handbook:diff.loading')} />}
        {diff.isError && <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />}
        {diff.data && <DiffView diff={diff.data} from={basedOn ? from.data : undefined} to={version} />}
        <WriteError error={publish.error} onReload={() => void refresh().then(() => publish.reset())} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={() => publish.mutate()} loading={publish.isPending} disabled={!ready}>
            {t('handbook:publish.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
