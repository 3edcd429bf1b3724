import { Group, Progress, Stack, Text } from '@mantine/core'
import { CONTENT_LOCALES, type ContentLocale, type VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'

interface TranslationStatusProps {
  translations: VersionDetail['translations']
  baseLocale: ContentLocale
}

/** For each content language: how many of the version's texts are translated, in words and as a bar. */
export function TranslationStatus({ translations, baseLocale }: TranslationStatusProps) {
  const { t } = useTranslation()
  const locales = CONTENT_LOCALES.filter((l) => l !== baseLocale && translations[l])
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} maw={420}>
      {locales.map((locale) => {
        const { total, missing } = translations[locale] ?? { total: 0, missing: 0 }
        const done = total - missing
        const percent = total === 0 ? 100 : Math.round((done / total) * 100)
        return (
          <li key={locale}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={500}>
                {t(`enums:contentLocale.${locale}`)}
              </Text>
              <Text size="sm" c={missing === 0 ? 'teal.9' : undefined}>
                {missing === 0
                  ? t('handbook:translations.complete')
                  : t('handbook:translations.partial', { done, total, percent })}
              </Text>
            </Group>
            <Progress value={percent} size="sm" color={missing === 0 ? 'teal' : 'blue'} aria-hidden="true" />
          </li>
        )
      })}
    </Stack>
  )
}
