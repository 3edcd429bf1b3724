import { useMutation } from '@tanstack/react-query'
import type { VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ConfirmModal } from '../../components/ConfirmModal.tsx'
import { isStaleVersion, useRefreshHandbook, versionApi } from './api.ts'

interface Props {
  version: VersionDetail
  action: 'retire' | 'delete'
  onClose: () => void
}

/** Confirms retiring a published version or deleting a draft (version-checked); a conflict reloads the page data. */
export function VersionLifecycleConfirm({ version, action, onClose }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const refresh = useRefreshHandbook()
  const run = useMutation({
    mutationFn: () =>
      action === 'retire'
        ? versionApi(version.id, '/retire', { method: 'POST', body: { version: version.version } })
        : versionApi(version.id, '', { method: 'DELETE', query: { version: version.version } }),
    onSuccess: async () => {
      // Leave a deleted draft's page first, so its query is not fetched again (it would answer 404).
      if (action === 'delete') navigate('/handbook', { replace: true })
      else onClose()
      await refresh()
    },
    onError: async (error) => {
      if (isStaleVersion(error)) await refresh()
    },
  })
  return (
    <ConfirmModal
      title={t(`handbook:manage.confirm.${action}.title`, { label: version.label })}
      message={t(`handbook:manage.confirm.${action}.text`, { label: version.label })}
      confirmLabel={t(`handbook:manage.${action}`)}
      danger
      loading={run.isPending}
      error={run.error}
      onConfirm={() => run.mutate()}
      onClose={onClose}
    />
  )
}
