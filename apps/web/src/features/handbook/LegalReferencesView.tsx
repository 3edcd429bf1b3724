import { Stack, Text } from '@mantine/core'
import type { LegalReference } from '@thbm/shared'
import { useTranslation } from 'react-i18next'

/** Legal references: the instrument's name from the catalogs (or its own title), and the article. */
export function LegalReferencesView({ references, empty }: { references: LegalReference[]; empty?: string }) {
  const { t } = useTranslation()
  if (references.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty ?? t('handbook:legal.none')}
      </Text>
    )
  return (
    <Stack gap={4} component="ul" m={0} pl="md">
      {references.map((ref) => {
        const instrument = ref.title?.trim() || t(`enums:legalInstrument.${ref.instrument}`)
        return (
          <Text component="li" size="sm" key={`${ref.instrument}-${ref.article}-${ref.title ?? ''}`}>
            {ref.article ? t('handbook:legal.reference', { instrument, article: ref.article }) : instrument}
          </Text>
        )
      })}
    </Stack>
  )
}
