import { Modal, Text } from '@mantine/core'
import type { CreateIndicatorBody, VersionDetail } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IndicatorForm } from './IndicatorForm.tsx'
import { emptyIndicator } from './indicator-form.ts'

interface Props {
  version: VersionDetail
  /** null: a new extra indicator. */
  initial: CreateIndicatorBody | null
  /** Codes already used by the version or by other extra indicators. */
  takenCodes: string[]
  onSave: (doc: CreateIndicatorBody) => void
  onClose: () => void
}

/** Adds or edits a national extra indicator with the full indicator form; it is saved with the adaptation. */
export function ExtraIndicatorModal({ version, initial, takenCodes, onSave, onClose }: Props) {
  const { t } = useTranslation()
  const [taken, setTaken] = useState<Record<string, string>>({})
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        initial ? t('handbook:adaptation.editExtraTitle', { code: initial.code }) : t('handbook:adaptation.addExtra')
      }
      size="xl"
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <Text size="sm" mb="md">
        {t('handbook:adaptation.extraFormHint')}
      </Text>
      <IndicatorForm
        idPrefix="extra"
        initial={initial ?? emptyIndicator(version.areas[0]?.code ?? '')}
        areas={version.areas}
        baseLocale={version.framework.baseLocale}
        serverErrors={taken}
        submitting={false}
        submitLabel={t('handbook:adaptation.keepExtra')}
        onSubmit={(doc) => {
          if (takenCodes.includes(doc.code)) return setTaken({ code: t('handbook:errors.codeTaken') })
          onSave(doc)
        }}
        onCancel={onClose}
      />
    </Modal>
  )
}
