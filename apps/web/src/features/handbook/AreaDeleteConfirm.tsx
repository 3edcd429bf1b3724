import { useMutation } from '@tanstack/react-query'
import type { Area, VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { ConfirmModal } from '../../components/ConfirmModal.tsx'
import { isStaleVersion, useRefreshHandbook, versionApi } from './api.ts'

/** Deletes an empty area of a draft (the server refuses with 409 while it has indicators). */
export function AreaDeleteConfirm({
  version,
  area,
  onClose,
}: {
  version: VersionDetail
  area: Area
  onClose: () => void
}) {
  const { t } = useTranslation()
  const refresh = useRefreshHandbook()
  const remove = useMutation({
    mutationFn: () =>
      versionApi(version.id, `/areas/${encodeURIComponent(area.code)}`, {
        method: 'DELETE',
        query: { version: area.version },
      }),
    onSuccess: async () => {
      await refresh()
      onClose()
    },
    onError: async (error) => {
      if (isStaleVersion(error)) await refresh()
    },
  })
  return (
    <ConfirmModal
      title={t('handbook:area.deleteTitle', { code: area.code })}
      message={t('handbook:area.deleteText')}
      confirmLabel={t('handbook:area.delete')}
      danger
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    />
  )
}
