import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { type Indicator, IndicatorCodeSchema, type VersionDetail } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useRefreshHandbook, versionApi } from './api.ts'
import { useFieldErrors } from './useIssueMessages.ts'
import { WriteError } from './WriteError.tsx'

interface Props {
  version: VersionDetail
  indicator: Indicator
  onClose: () => void
}

/** Gives an indicator of a draft a new code; its lineage records the rename, so history and diffs follow it. */
export function RenameModal({ version, indicator, onClose }: Props) {
  const { t } = useTranslation()
  const refresh = useRefreshHandbook()
  const fieldErrors = useFieldErrors()
  const [code, setCode] = useState(indicator.code)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const rename = useMutation({
    mutationFn: () =>
      versionApi(version.id, `/indicators/${encodeURIComponent(indicator.code)}`, {
        method: 'PATCH',
        body: { version: indicator.version, code: code.trim() },
      }),
    onSuccess: async () => {
      await refresh()
      onClose()
    },
    onError: (error) => setErrors(fieldErrors(error)),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const next = code.trim()
    if (!IndicatorCodeSchema.safeParse(next).success) return setErrors({ code: t('handbook:errors.indicatorCode') })
    if (next === indicator.code) return setErrors({ code: t('handbook:rename.sameCode') })
    setErrors({})
    rename.mutate()
  }
  const labels = { code: t('handbook:rename.code') }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('handbook:rename.title', { code: indicator.code })}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('handbook:rename.intro', { code: indicator.code })}</Text>
          <WriteError error={rename.error} onReload={() => void refresh().then(() => rename.reset())} fieldsShown />
          <FormErrorSummary errors={errors} labels={labels} idPrefix="rename" />
          <TextInput
            id={fieldId('rename', 'code')}
            label={labels.code}
            description={t('handbook:form.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.code}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={rename.isPending}>
              {t('handbook:rename.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
