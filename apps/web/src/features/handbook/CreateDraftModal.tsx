import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { CreateDraftBodySchema, type VersionDetail } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useApplyVersion, versionApi } from './api.ts'
import { useFieldErrors } from './useIssueMessages.ts'

/** Makes a new draft from a published or retired version; asks its label and opens it. */
export function CreateDraftModal({ version, onClose }: { version: VersionDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const applyVersion = useApplyVersion()
  const fieldErrors = useFieldErrors()
  const [label, setLabel] = useState('')
  const [error, setError] = useState<string | null>(null)
  const create = useMutation({
    mutationFn: () =>
      versionApi<{ data: VersionDetail }>(version.id, '/drafts', { method: 'POST', body: { label: label.trim() } }),
    onSuccess: ({ data }) => {
      applyVersion(data)
      onClose()
      navigate(`/handbook/${data.id}`)
    },
    onError: (e) => setError(fieldErrors(e).label ?? null),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!CreateDraftBodySchema.safeParse({ label: label.trim() }).success) {
      setError(t('handbook:errors.label'))
      return
    }
    setError(null)
    create.mutate()
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('handbook:draft.title')}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('handbook:draft.intro', { label: version.label })}</Text>
          {create.error && !error && <ErrorAlert error={create.error} />}
          <FormErrorSummary
            errors={{ label: error ?? undefined }}
            labels={{ label: t('handbook:draft.label') }}
            idPrefix="draft"
          />
          <TextInput
            id={fieldId('draft', 'label')}
            label={t('handbook:draft.label')}
            description={t('handbook:form.labelHint')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={error}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('handbook:draft.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
