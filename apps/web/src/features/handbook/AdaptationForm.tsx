import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Adaptation, AdaptationItem, VersionDetail } from '@thbm/shared'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx'
import { CheckIcon } from '../../components/icons.tsx'
import { Section } from '../../components/Section.tsx'
import { AdaptationIndicators } from './AdaptationIndicators.tsx'
import { type AdaptationDraft, includedCount, mapAdaptationPath, toDraft, toUpdateBody } from './adaptation-state.ts'
import { handbookKeys, versionApi } from './api.ts'
import { ExtraIndicators } from './ExtraIndicators.tsx'
import { fieldLabel } from './form-labels.ts'
import { issueMessageKey } from './issue-messages.ts'
import { LocalizedInput } from './LocalizedInput.tsx'
import { WriteError } from './WriteError.tsx'

interface Props {
  version: VersionDetail
  adaptation: Adaptation
  readOnly: boolean
}

/** The adaptation's notes, per-indicator choices and extra indicators, saved together with a version check. */
export function AdaptationForm({ version, adaptation, readOnly }: Props) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [base, setBase] = useState(adaptation)
  const [draft, setDraft] = useState<AdaptationDraft>(() => toDraft(adaptation, version.indicators))
  const sent = useRef<string[]>([])
  const country = adaptation.countryCode
  const url = `/adaptations/${country}`
  const apply = (next: Adaptation) => {
    setBase(next)
    setDraft(toDraft(next, version.indicators))
    queryClient.setQueryData(handbookKeys.adaptation(version.id, country), next)
  }
  const save = useMutation({
    mutationFn: () => {
      const { body, sentCodes } = toUpdateBody(draft, base.version, version.indicators)
      sent.current = sentCodes
      return versionApi<{ data: Adaptation }>(version.id, url, { method: 'PUT', body }).then((r) => r.data)
    },
    onSuccess: apply,
  })
  const reload = useMutation({
    mutationFn: () => versionApi<{ data: Adaptation }>(version.id, url).then((r) => r.data),
    onSuccess: (current) => {
      apply(current)
      save.reset()
    },
  })
  const errors: Record<string, string> = {}
  if (save.error instanceof ApiError && save.error.status === 400) {
    for (const issue of save.error.issues) {
      const path = mapAdaptationPath(issue.path, sent.current)
      if (!(path in errors)) errors[path] = t(issueMessageKey(issue))
    }
  }
  const labels = Object.fromEntries(Object.keys(errors).map((p) => [p, adaptationLabel(p)]))
  function adaptationLabel(path: string): string {
    const item = /^items\.([^.]+)/.exec(path)
    if (item) return t('handbook:adaptation.itemLabel', { code: item[1] })
    if (path.startsWith('extraIndicators'))
      return t('handbook:adaptation.extraLabel', {
        detail: fieldLabel(t, path.replace(/^extraIndicators\[\d+\]\.?/, '')),
      })
    return path === 'notes' ? t('handbook:adaptation.notes') : path
  }
  // Any edit after a save clears the "saved" message, so it never describes older state.
  const edit = (fn: (d: AdaptationDraft) => AdaptationDraft) => {
    if (save.isSuccess) save.reset()
    setDraft(fn)
  }
  const setItem = (code: string, item: AdaptationItem) => edit((d) => ({ ...d, items: { ...d.items, [code]: item } }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate()
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('handbook:adaptation.formLabel')}>
      <Stack gap="lg">
        {readOnly && (
          <Alert color="gray" variant="light" title={t('handbook:adaptation.readOnlyTitle')}>
            {t('handbook:adaptation.readOnly')}
          </Alert>
        )}
        <WriteError error={save.error} onReload={() => reload.mutate()} reloading={reload.isPending} fieldsShown />
        <FormErrorSummary errors={errors} labels={labels} idPrefix="adapt" />
        <Section title={t('handbook:adaptation.notes')} description={t('handbook:adaptation.notesHint')}>
          <LocalizedInput
            idPrefix="adapt"
            path="notes"
            label={t('handbook:adaptation.notes')}
            value={draft.notes}
            onChange={(notes) => edit((d) => ({ ...d, notes }))}
            baseLocale={version.framework.baseLocale}
            errors={errors}
            multiline
          />
        </Section>
        <AdaptationIndicators version={version} draft={draft} setItem={setItem} errors={errors} readOnly={readOnly} />
        <ExtraIndicators
          version={version}
          extras={draft.extras}
          onChange={(extras) => edit((d) => ({ ...d, extras }))}
          errors={errors}
          readOnly={readOnly}
        />
        {!readOnly && (
          <Paper withBorder p="sm" radius="md" pos="sticky" bottom={8} style={{ zIndex: 2 }}>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm" role="status" aria-live="polite">
                {save.isSuccess ? (
                  <>
                    <CheckIcon size={14} /> {t('handbook:adaptation.saved')}
                  </>
                ) : (
                  t('handbook:adaptation.included', { count: includedCount(draft), total: version.indicators.length })
                )}
              </Text>
              <Button type="submit" loading={save.isPending}>
                {t('handbook:adaptation.save')}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </form>
  )
}
