import { Button, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { type Indicator, IndicatorCodeSchema, type LocalizedText, type VersionDetail } from '@thbm/shared'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrorSummary, fieldId } from '../../components/FormErrorSummary.tsx'
import { useRefreshHandbook, versionApi } from './api.ts'
import { LocalizedInput } from './LocalizedInput.tsx'
import { isBlank } from './localized.ts'
import { useContentText } from './useContentText.ts'
import { useFieldErrors } from './useIssueMessages.ts'
import { WriteError } from './WriteError.tsx'

interface Props {
  version: VersionDetail
  /** The indicator the merge started from; the merged one copies its content and takes its place. */
  first: Indicator
  onClose: () => void
}

/** Merges two or more indicators of a draft into one with a new code and title; lineage records the merge. */
export function MergeModal({ version, first, onClose }: Props) {
  const { t } = useTranslation()
  const refresh = useRefreshHandbook()
  const fieldErrors = useFieldErrors()
  const pick = useContentText(version.framework.baseLocale)
  const [codes, setCodes] = useState<string[]>([first.code])
  const [code, setCode] = useState('')
  const [title, setTitle] = useState<LocalizedText>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const merge = useMutation({
    mutationFn: () =>
      versionApi(version.id, '/merge', { method: 'POST', body: { codes, into: { code: code.trim(), title } } }),
    onSuccess: async () => {
      await refresh()
      onClose()
    },
    onError: (error) => setErrors(fieldErrors(error)),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const next: Record<string, string> = {}
    if (codes.length < 2) next.codes = t('handbook:merge.needTwo')
    if (!IndicatorCodeSchema.safeParse(code.trim()).success) next['into.code'] = t('handbook:errors.indicatorCode')
    if (isBlank(title, version.framework.baseLocale)) next['into.title'] = t('handbook:errors.textRequired')
    setErrors(next)
    if (Object.keys(next).length === 0) merge.mutate()
  }
  const labels = {
    codes: t('handbook:merge.codes'),
    'into.code': t('handbook:merge.code'),
    'into.title': t('handbook:merge.newTitle'),
  }
  const data = version.indicators.map((i) => ({ value: i.code, label: `${i.code} · ${pick(i.title).text}` }))
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('handbook:merge.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('handbook:merge.intro', { code: codes[0] ?? first.code })}</Text>
          <WriteError error={merge.error} onReload={() => void refresh().then(() => merge.reset())} fieldsShown />
          <FormErrorSummary errors={errors} labels={labels} idPrefix="merge" />
          <MultiSelect
            id={fieldId('merge', 'codes')}
            label={labels.codes}
            description={t('handbook:merge.codesHint')}
            data={data}
            value={codes}
            onChange={setCodes}
            searchable
            maxValues={10}
            nothingFoundMessage={t('handbook:merge.nothingFound')}
            error={errors.codes}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            id={fieldId('merge', 'into.code')}
            label={labels['into.code']}
            description={t('handbook:form.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors['into.code']}
            required
          />
          <LocalizedInput
            idPrefix="merge"
            path="into.title"
            label={labels['into.title']}
            value={title}
            onChange={setTitle}
            baseLocale={version.framework.baseLocale}
            errors={errors}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={merge.isPending}>
              {t('handbook:merge.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
