import { Button, Group, Stack, Text } from '@mantine/core'
import type { CreateIndicatorBody, VersionDetail } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState.tsx'
import { Section } from '../../components/Section.tsx'
import { ExtraIndicatorModal } from './ExtraIndicatorModal.tsx'
import { FlagBadges } from './FlagBadges.tsx'
import { LocalText } from './LocalText.tsx'

interface Props {
  version: VersionDetail
  extras: CreateIndicatorBody[]
  onChange: (extras: CreateIndicatorBody[]) => void
  errors: Record<string, string>
  readOnly: boolean
}

/** The country's own indicators, added to an area of the version; edited with the indicator form, saved with the rest. */
export function ExtraIndicators({ version, extras, onChange, errors, readOnly }: Props) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<number | 'new' | null>(null)
  const base = version.framework.baseLocale
  const takenCodes = [...version.indicators.map((i) => i.code), ...extras.map((e) => e.code)]
  return (
    <Section
      title={t('handbook:adaptation.extrasTitle')}
      description={t('handbook:adaptation.extrasHint')}
      actions={
        !readOnly && (
          <Button size="sm" variant="default" onClick={() => setEditing('new')}>
            {t('handbook:adaptation.addExtra')}
          </Button>
        )
      }
    >
      {extras.length === 0 && (
        <EmptyState>
          {readOnly ? t('handbook:adaptation.noExtras') : t('handbook:adaptation.noExtrasCanAdd')}
        </EmptyState>
      )}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {extras.map((extra, i) => {
          const problem = Object.entries(errors).find(([k]) => k.startsWith(`extraIndicators[${i}]`))?.[1]
          return (
            <Group key={extra.code || i} component="li" justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Group gap={6} align="baseline">
                  <Text ff="monospace" fw={700} size="sm">
                    {extra.code}
                  </Text>
                  <LocalText text={extra.title} baseLocale={base} size="sm" inline />
                  <FlagBadges indicator={extra} />
                </Group>
                <Text size="xs" c="dimmed">
                  {t('handbook:adaptation.extraArea', { area: extra.area })}
                </Text>
                {problem && (
                  <Text size="xs" c="red.9" fw={600}>
                    {problem}
                  </Text>
                )}
              </Stack>
              {!readOnly && (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(i)}
                    aria-label={t('handbook:adaptation.editExtra', { code: extra.code })}
                  >
                    {t('common:actions.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => onChange(extras.filter((_, j) => j !== i))}
                    aria-label={t('handbook:adaptation.removeExtra', { code: extra.code })}
                  >
                    {t('handbook:adaptation.remove')}
                  </Button>
                </Group>
              )}
            </Group>
          )
        })}
      </Stack>
      {editing !== null && (
        <ExtraIndicatorModal
          version={version}
          initial={editing === 'new' ? null : (extras[editing] ?? null)}
          takenCodes={takenCodes.filter((c) => editing === 'new' || c !== extras[editing]?.code)}
          onSave={(doc) => {
            onChange(editing === 'new' ? [...extras, doc] : extras.map((e, j) => (j === editing ? doc : e)))
            setEditing(null)
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </Section>
  )
}
