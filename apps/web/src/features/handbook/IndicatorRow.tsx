import { Anchor, Box, Group, Text } from '@mantine/core'
import type { Indicator, VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { FlagBadges } from './FlagBadges.tsx'
import { IndicatorRowActions } from './IndicatorRowActions.tsx'
import { NotTranslatedBadge } from './NotTranslatedBadge.tsx'
import { useContentText } from './useContentText.ts'

/** One indicator in an area list: code and title (linking to its page), kind, measurement and flags. */
export function IndicatorRow({ version, indicator }: { version: VersionDetail; indicator: Indicator }) {
  const { t } = useTranslation()
  const pick = useContentText(version.framework.baseLocale)
  const title = pick(indicator.title)
  const editable = version.abilities.includes('version.edit')
  return (
    <Box component="li" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Anchor component={Link} to={`/handbook/${version.id}/indicators/${indicator.code}`} fw={500}>
            <Text component="span" ff="monospace" fw={700} inherit>
              {indicator.code}
            </Text>{' '}
            <span lang={title.lang}>{title.text}</span>
          </Anchor>
          {title.missing && <NotTranslatedBadge baseLocale={version.framework.baseLocale} />}
          <Group gap={6} mt={4} wrap="wrap">
            <Text size="xs" c="dimmed" component="span">
              {t('handbook:indicator.kindAndType', {
                kind: t(`enums:indicatorKind.${indicator.kind}`),
                type: t(`enums:measurementType.${indicator.measurement.type}`),
              })}
            </Text>
            <FlagBadges indicator={indicator} />
          </Group>
        </Box>
        {editable && <IndicatorRowActions version={version} indicator={indicator} />}
      </Group>
    </Box>
  )
}
