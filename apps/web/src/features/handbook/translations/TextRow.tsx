import { Badge, Fieldset, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core'
import type { ContentLocale, TranslatableLocale, TranslationText } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useTranslationLabels } from './labels.ts'
import { type Drafts, isMissing, shownValue } from './translation-state.ts'

interface TextRowProps {
  text: TranslationText
  baseLocale: ContentLocale
  locales: readonly TranslatableLocale[]
  drafts: Drafts
  readOnly: boolean
  onChange: (address: string, locale: TranslatableLocale, value: string) => void
}

/**
 * One text side by side: the base text (read-only) and one field per shown language, each marked with its `lang`.
 * The fieldset's legend names the text, so each field is announced as e.g. "Definition, Albanian".
 */
export function TextRow({ text, baseLocale, locales, drafts, readOnly, onChange }: TextRowProps) {
  const { t } = useTranslation()
  const labels = useTranslationLabels(baseLocale)
  const base = text.values[baseLocale] ?? ''
  return (
    <Fieldset legend={labels.fieldName(text)} variant="filled" p="sm">
      <SimpleGrid cols={{ base: 1, md: Math.min(3, locales.length + 1) }} spacing="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('handbook:contentTranslation.baseLabel', { language: labels.language(baseLocale) })}
          </Text>
          {base ? (
            <Text size="sm" lang={baseLocale} style={{ whiteSpace: 'pre-line' }}>
              {base}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              {t('handbook:contentTranslation.emptyBase')}
            </Text>
          )}
        </Stack>
        {locales.map((locale) => (
          <Textarea
            key={locale}
            label={
              <Group component="span" gap={6} wrap="nowrap" style={{ display: 'inline-flex' }}>
                <span>{labels.language(locale)}</span>
                {isMissing(text, locale, baseLocale) && (
                  <Badge component="span" size="xs" variant="outline" color="orange.9">
                    {t('handbook:text.notTranslated')}
                  </Badge>
                )}
              </Group>
            }
            lang={locale}
            value={shownValue(text, drafts, locale)}
            onChange={(e) => onChange(text.address, locale, e.currentTarget.value)}
            readOnly={readOnly}
            autosize
            minRows={2}
            maxRows={12}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  )
}
