import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { TranslatableLocale, TranslationItem, TranslationOverview } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WriteError } from '../WriteError.tsx'
import { useSaveItem } from './api.ts'
import { useTranslationLabels } from './labels.ts'
import { TextRow } from './TextRow.tsx'
import { changedTexts, type Drafts } from './translation-state.ts'

interface ItemEditorProps {
  overview: TranslationOverview
  item: TranslationItem
  locales: readonly TranslatableLocale[]
  drafts: Drafts
  onDraftsChange: (drafts: Drafts) => void
  /** Loads the overview again (after a version conflict) and drops the edits. */
  onReload: () => Promise<unknown>
}

/** The texts of one item side by side, saved together with the item's version (409 when someone saved first). */
export function ItemEditor({ overview, item, locales, drafts, onDraftsChange, onReload }: ItemEditorProps) {
  const { t } = useTranslation()
  const labels = useTranslationLabels(overview.baseLocale)
  const save = useSaveItem(overview.versionId)
  const [savedAt, setSavedAt] = useState<number | null>(null)
  const [reloading, setReloading] = useState(false)
  const editable = new Set<string>(overview.editableLocales)
  const readOnly = locales.every((l) => !editable.has(l))
  const changes = changedTexts(item, drafts).filter((c) => editable.has(c.locale))
  const mutation = useMutation({
    mutationFn: () => save(item.key, { version: item.version, texts: changes }),
    onSuccess: () => {
      onDraftsChange({})
      setSavedAt(Date.now())
    },
  })
  const change = (address: string, locale: TranslatableLocale, value: string) => {
    setSavedAt(null)
    onDraftsChange({ ...drafts, [address]: { ...drafts[address], [locale]: value } })
  }
  const reload = async () => {
    setReloading(true)
    try {
      await onReload()
      onDraftsChange({})
      mutation.reset()
    } finally {
      setReloading(false)
    }
  }
  const headingId = `translate-${item.key.replace(/[^A-Za-z0-9-]/g, '-')}`

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        <span lang={item.kind === 'framework' ? undefined : labels.itemTitle(item).lang}>{labels.itemName(item)}</span>
      </Title>
      {locales.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('handbook:contentTranslation.noLocales')}
        </Text>
      )}
      {item.texts.map((text) => (
        <TextRow
          key={text.address}
          text={text}
          baseLocale={overview.baseLocale}
          locales={locales}
          drafts={drafts}
          readOnly={readOnly}
          onChange={change}
        />
      ))}
      <WriteError error={mutation.error} onReload={() => void reload()} reloading={reloading} />
      {!readOnly && (
        <Group justify="space-between" align="center">
          <Text size="sm" role="status" aria-live="polite" c={changes.length ? 'orange.9' : 'dimmed'}>
            {changes.length > 0
              ? t('handbook:contentTranslation.unsaved', { count: changes.length })
              : savedAt !== null
                ? t('handbook:contentTranslation.saved')
                : ''}
          </Text>
          <Button onClick={() => mutation.mutate()} loading={mutation.isPending} disabled={changes.length === 0}>
            {t('handbook:contentTranslation.save')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
