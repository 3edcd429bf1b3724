import { useMutation } from '@tanstack/react-query'
import type { Indicator, VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { ConfirmModal } from '../../components/ConfirmModal.tsx'
import { isStaleVersion, useRefreshHandbook, versionApi } from './api.ts'

interface Props {
  version: VersionDetail
  indicator: Indicator
  onClose: () => void
  onRemoved?: () => void
}

/** Removes an indicator from a draft; the earlier code it continued is listed as retired at publication. */
export function RemoveIndicatorConfirm({ version, indicator, onClose, onRemoved }: Props) {
  const { t } = useTranslation()
  const refresh = useRefreshHandbook()
  const remove = useMutation({
    mutationFn: () =>
      versionApi(version.id, `/indicators/${encodeURIComponent(indicator.code)}`, {
        method: 'DELETE',
        query: { version: indicator.version },
      }),
    onSuccess: async () => {
      onRemoved?.()
      await refresh()
      onClose()
    },
    onError: async (error) => {
      if (isStaleVersion(error)) await refresh()
    },
  })
  const continues = indicator.lineage.from.length > 0
  return (
    <ConfirmModal
      title={t('handbook:remove.title', { code: indicator.code })}
      message={
        continues
          ? t('handbook:remove.retires', { code: indicator.code, codes: indicator.lineage.from.join(', ') })
          : t('handbook:remove.deletes', { code: indicator.code })
      }
      confirmLabel={t('handbook:remove.confirm')}
      danger
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    />
  )
}
