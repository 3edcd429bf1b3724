import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { type Area, AreaCodeSchema, type LocalizedText, type VersionDetail } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useRefreshHandbook, versionApi } from './api.ts'
import { LocalizedInput } from './LocalizedInput.tsx'
import { isBlank } from './localized.ts'
import { useFieldErrors } from './useIssueMessages.ts'
import { WriteError } from './WriteError.tsx'

interface Props {
  version: VersionDetail
  /** null: add a new area at the end. */
  area: Area | null
  onClose: () => void
}

/** Adds an area to a draft, or edits an area's title and description (version-checked). */
export function AreaFormModal({ version, area, onClose }: Props) {
  const { t } = useTranslation()
  const refresh = useRefreshHandbook()
  const fieldErrors = useFieldErrors()
  const base = version.framework.baseLocale
  const [code, setCode] = useState(area?.code ?? '')
  const [title, setTitle] = useState<LocalizedText>(area?.title ?? {})
  const [description, setDescription] = useState<LocalizedText>(area?.description ?? {})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useMutation({
    mutationFn: () =>
      area
        ? versionApi(version.id, `/areas/${encodeURIComponent(area.code)}`, {
            method: 'PATCH',
            body: { version: area.version, title, description },
          })
        : versionApi(version.id, '/areas', { method: 'POST', body: { code: code.trim(), title, description } }),
    onSuccess: async () => {
      await refresh()
      onClose()
    },
    onError: (error) => setErrors(fieldErrors(error)),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const next: Record<string, string> = {}
    if (!area && !AreaCodeSchema.safeParse(code.trim()).success) next.code = t('handbook:errors.areaCode')
    if (isBlank(title, base)) next.title = t('handbook:errors.textRequired')
    setErrors(next)
    if (Object.keys(next).length === 0) save.mutate()
  }
  const labels = {
    code: t('handbook:area.code'),
    title: t('handbook:area.title'),
    description: t('handbook:area.description'),
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={area ? t('handbook:area.editTitle', { code: area.code }) : t('handbook:area.addTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <WriteError error={save.error} onReload={() => void refresh().then(onClose)} fieldsShown />
          <FormErrorSummary errors={errors} labels={labels} idPrefix="area" />
          {!area && (
            <TextInput
              id={fieldId('area', 'code')}
              label={labels.code}
              description={t('handbook:area.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
              error={errors.code}
              required
              data-autofocus
            />
          )}
          <LocalizedInput
            idPrefix="area"
            path="title"
            label={labels.title}
            value={title}
            onChange={setTitle}
            baseLocale={base}
            errors={errors}
            required
          />
          <LocalizedInput
            idPrefix="area"
            path="description"
            label={labels.description}
            value={description}
            onChange={setDescription}
            baseLocale={base}
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
