import { Button, Fieldset, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { type Indicator, IndicatorCodeSchema, type LocalizedText, type VersionDetail } from '@thbm/shared'
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
  indicator: Indicator
  onClose: () => void
}

interface Part {
  code: string
  title: LocalizedText
}

const MAX_PARTS = 10

/** Splits an indicator of a draft into two or more (copies with new codes and titles); lineage records the split. */
export function SplitModal({ version, indicator, onClose }: Props) {
  const { t } = useTranslation()
  const refresh = useRefreshHandbook()
  const fieldErrors = useFieldErrors()
  const base = version.framework.baseLocale
  const [parts, setParts] = useState<Part[]>(() =>
    ['a', 'b'].map((suffix) => ({ code: `${indicator.code}${suffix}`, title: { ...indicator.title } })),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const split = useMutation({
    mutationFn: () =>
      versionApi(version.id, `/indicators/${encodeURIComponent(indicator.code)}/split`, {
        method: 'POST',
        body: { into: parts.map((p) => ({ code: p.code.trim(), title: p.title })) },
      }),
    onSuccess: async () => {
      await refresh()
      onClose()
    },
    onError: (error) => setErrors(fieldErrors(error)),
  })
  const setPart = (i: number, patch: Partial<Part>) =>
    setParts((all) => all.map((p, j) => (j === i ? { ...p, ...patch } : p)))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const next: Record<string, string> = {}
    const seen = new Set<string>()
    parts.forEach((p, i) => {
      const code = p.code.trim()
      if (!IndicatorCodeSchema.safeParse(code).success) next[`into[${i}].code`] = t('handbook:errors.indicatorCode')
      else if (seen.has(code)) next[`into[${i}].code`] = t('handbook:errors.partsDistinct')
      seen.add(code)
      if (isBlank(p.title, base)) next[`into[${i}].title`] = t('handbook:errors.textRequired')
    })
    setErrors(next)
    if (Object.keys(next).length === 0) split.mutate()
  }
  const labels = Object.fromEntries(
    parts.flatMap((_, i) => [
      [`into[${i}].code`, t('handbook:split.partCode', { n: i + 1 })],
      [`into[${i}].title`, t('handbook:split.partTitle', { n: i + 1 })],
    ]),
  )
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('handbook:split.title', { code: indicator.code })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('handbook:split.intro', { code: indicator.code })}</Text>
          <WriteError error={split.error} onReload={() => void refresh().then(() => split.reset())} fieldsShown />
          <FormErrorSummary errors={errors} labels={labels} idPrefix="split" />
          {parts.map((part, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity until saved
            <Fieldset key={i} legend={t('handbook:split.part', { n: i + 1 })} variant="filled">
              <Stack gap="sm">
                <TextInput
                  id={fieldId('split', `into[${i}].code`)}
                  label={labels[`into[${i}].code`]}
                  value={part.code}
                  onChange={(e) => setPart(i, { code: e.currentTarget.value })}
                  error={errors[`into[${i}].code`]}
                  required
                />
                <LocalizedInput
                  idPrefix="split"
                  path={`into[${i}].title`}
                  label={labels[`into[${i}].title`] ?? ''}
                  value={part.title}
                  onChange={(title) => setPart(i, { title })}
                  baseLocale={base}
                  errors={errors}
                  required
                />
                {parts.length > 2 && (
                  <Group justify="flex-end">
                    <Button size="xs" variant="subtle" onClick={() => setParts((all) => all.filter((_, j) => j !== i))}>
                      {t('handbook:split.removePart', { n: i + 1 })}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Fieldset>
          ))}
          {parts.length < MAX_PARTS && (
            <Group>
              <Button variant="default" size="sm" onClick={() => setParts((all) => [...all, { code: '', title: {} }])}>
                {t('handbook:split.addPart')}
              </Button>
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={split.isPending}>
              {t('handbook:split.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
