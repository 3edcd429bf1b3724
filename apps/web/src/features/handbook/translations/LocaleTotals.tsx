import { Checkbox, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core'
import type { TranslatableLocale, TranslationOverview } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../i18n/format.ts'
import { totalsByLocale } from './translation-state.ts'

interface LocaleTotalsProps {
  overview: TranslationOverview
  available: readonly TranslatableLocale[]
  shown: readonly TranslatableLocale[]
  onShownChange: (locales: TranslatableLocale[]) => void
}

/** One checkbox per language (show its column or not) with the version's missing count in that language. */
export function LocaleTotals({ overview, available, shown, onShownChange }: LocaleTotalsProps) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const totals = totalsByLocale(overview.gaps, available)
  return (
    <Checkbox.Group
      label={t('handbook:contentTranslation.languages')}
      description={t('handbook:contentTranslation.languagesHint')}
      value={[...shown]}
      onChange={(values) => onShownChange(available.filter((l) => values.includes(l)))}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm" mt="xs">
        {totals.map(({ locale, total, missing }) => (
          <Stack key={locale} gap={4}>
            <Checkbox value={locale} label={t(`enums:contentLocale.${locale}`)} />
            <Group gap={4}>
              <Text size="xs" c={missing === 0 ? 'teal.9' : 'orange.9'}>
                {missing === 0
                  ? t('handbook:contentTranslation.localeComplete', { total: fmt.number(total) })
                  : t('handbook:contentTranslation.localeMissing', {
                      missing,
                      total: fmt.number(total),
                    })}
              </Text>
            </Group>
            <Progress
              value={total === 0 ? 100 : ((total - missing) / total) * 100}
              size="xs"
              color={missing === 0 ? 'teal' : 'blue'}
              aria-hidden="true"
            />
          </Stack>
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  )
}
