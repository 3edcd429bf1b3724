import { SimpleGrid, Textarea, TextInput } from '@mantine/core'
import type { ContentLocale, LocalizedText } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import { editLocales, isDerivedLocale, setLocaleText } from './localized.ts'

export interface LocalizedInputProps {
  idPrefix: string
  /** The field's path in the document (`title`, `measurement.levels[2]`), for ids and errors. */
  path: string
  label: string
  description?: string
  value: LocalizedText | undefined
  onChange: (next: LocalizedText) => void
  baseLocale: ContentLocale
  errors: Record<string, string | undefined>
  multiline?: boolean
  required?: boolean
}

/**
 * Edits a Handbook text in the framework's base language and, when the UI speaks another language, in that one
 * too; every other language stays as it was (the whole object is sent back merged).
 */
export function LocalizedInput(props: LocalizedInputProps) {
  const { idPrefix, path, label, description, value, onChange, baseLocale, errors, multiline, required } = props
  const { t, i18n } = useTranslation()
  const locales = editLocales(baseLocale, i18n.language)
  const several = locales.length > 1
  return (
    <SimpleGrid cols={{ base: 1, md: several ? 2 : 1 }} spacing="sm">
      {locales.map((locale) => {
        const isBase = locale === baseLocale
        const derived = isDerivedLocale(value, locale)
        const language = t(`enums:contentLocale.${locale}`)
        const common = {
          id: fieldId(idPrefix, isBase ? path : `${path}.${locale}`),
          label: several ? t('handbook:form.inLanguage', { field: label, language }) : label,
          description: derived ? t('handbook:form.derivedLatin') : isBase ? description : undefined,
          lang: locale,
          value: value?.[locale] ?? '',
          onChange: (e: { currentTarget: { value: string } }) =>
            onChange(setLocaleText(value, locale, e.currentTarget.value)),
          error: isBase ? (errors[path] ?? errors[`${path}.${locale}`]) : errors[`${path}.${locale}`],
          required: required && isBase,
          readOnly: derived,
        }
        return multiline ? (
          <Textarea key={locale} {...common} autosize minRows={2} maxRows={12} />
        ) : (
          <TextInput key={locale} {...common} />
        )
      })}
    </SimpleGrid>
  )
}
