import { Badge, Group, NavLink, Stack, Text } from '@mantine/core'
import type { TranslatableLocale, TranslationOverview } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useTranslationLabels } from './labels.ts'
import { areaMissing, groupItems, missingIn } from './translation-state.ts'

interface ItemListProps {
  overview: TranslationOverview
  locales: readonly TranslatableLocale[]
  selected: string
}

/** Small counters: how many texts are missing per shown language (hidden when nothing is missing). */
function MissingBadges({ counts }: { counts: { locale: string; missing: number }[] }) {
  const { t } = useTranslation()
  return (
    <Group component="span" gap={4} wrap="wrap">
      {counts
        .filter((c) => c.missing > 0)
        .map((c) => (
          <Badge key={c.locale} component="span" size="xs" variant="light" color="orange.9" tt="none">
            {t('handbook:contentTranslation.missingBadge', { locale: c.locale, count: c.missing })}
          </Badge>
        ))}
    </Group>
  )
}

/** The items to translate, grouped by area, with missing counters per shown language; links keep the URL's filters. */
export function ItemList({ overview, locales, selected }: ItemListProps) {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const labels = useTranslationLabels(overview.baseLocale)
  const base = overview.baseLocale
  const linkTo = (key: string) => {
    const next = new URLSearchParams(params)
    next.set('item', key)
    return `?${next.toString()}`
  }
  return (
    <Stack gap="md" component="nav" aria-label={t('handbook:contentTranslation.listLabel')}>
      {groupItems(overview.items).map((group) => {
        const area = overview.items.find((i) => i.kind === 'area' && i.code === group.areaCode)
        const groupName = area ? labels.itemName(area) : t('handbook:contentTranslation.frameworkGroup')
        const counts = locales.map((locale) => ({
          locale,
          missing: areaMissing(overview.gaps, group.areaCode, locale),
        }))
        return (
          <Stack key={group.areaCode ?? '-'} gap={2} component="section" aria-label={groupName}>
            <Group gap={6} justify="space-between" wrap="nowrap">
              <Text size="sm" fw={700}>
                {group.areaCode ?? t('handbook:contentTranslation.frameworkGroupShort')}
              </Text>
              <MissingBadges counts={counts} />
            </Group>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {group.items.map((item) => {
                const itemCounts = locales.map((locale) => ({ locale, missing: missingIn(item, locale, base) }))
                const missing = itemCounts.reduce((n, c) => n + c.missing, 0)
                return (
                  <li key={item.key}>
                    <NavLink
                      component={Link}
                      to={linkTo(item.key)}
                      active={item.key === selected}
                      aria-current={item.key === selected ? 'page' : undefined}
                      label={labels.itemName(item)}
                      description={
                        missing > 0 ? (
                          <MissingBadges counts={itemCounts} />
                        ) : (
                          <Text component="span" size="xs" c="gray.8">
                            {t('handbook:contentTranslation.allTranslated')}
                          </Text>
                        )
                      }
                    />
                  </li>
                )
              })}
            </ul>
          </Stack>
        )
      })}
    </Stack>
  )
}
