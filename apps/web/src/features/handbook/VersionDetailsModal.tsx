import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { CreateDraftBodySchema, type LocalizedText, type VersionDetail } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useApplyVersion, useRefreshHandbook, versionApi } from './api.ts'
import { LocalizedInput } from './LocalizedInput.tsx'
import { useFieldErrors } from './useIssueMessages.ts'
import { WriteError } from './WriteError.tsx'

/** Edits a draft's label and notes (version-checked). */
export function VersionDetailsModal({ version, onClose }: { version: VersionDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const refresh = useRefreshHandbook()
  const applyVersion = useApplyVersion()
  const fieldErrors = useFieldErrors()
  const [label, setLabel] = useState(version.label)
  const [notes, setNotes] = useState<LocalizedText>(version.notes)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useMutation({
    mutationFn: () =>
      versionApi<{ data: VersionDetail }>(version.id, '', {
        method: 'PATCH',
        body: { version: version.version, label: label.trim(), notes },
      }),
    onSuccess: ({ data }) => {
      applyVersion(data)
      onClose()
    },
    onError: (error) => setErrors(fieldErrors(error)),
  })
  const reload = async () => {
    await refresh()
    onClose()
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!CreateDraftBodySchema.shape.label.safeParse(label.trim()).success) {
      setErrors({ label: t('handbook:errors.label') })
      return
    }
    setErrors({})
    save.mutate()
  }
  const labels = { label: t('handbook:version.label'), notes: t('handbook:version.notes') }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('handbook:manage.editDetails')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <WriteError error={save.error} onReload={() => void reload()} fieldsShown />
          <FormErrorSummary errors={errors} labels={labels} idPrefix="details" />
          <TextInput
            id={fieldId('details', 'label')}
            label={labels.label}
            description={t('handbook:form.labelHint')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
            required
            data-autofocus
          />
          <LocalizedInput
            idPrefix="details"
            path="notes"
            label={labels.notes}
            value={notes}
            onChange={setNotes}
            baseLocale={version.framework.baseLocale}
            errors={errors}
            multiline
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
