import { Badge, Group } from '@mantine/core'
import type { IndicatorDoc } from '@thbm/shared'
import { useTranslation } from 'react-i18next'

const CORE = { background: 'var(--mantine-color-blue-0)', color: 'var(--mantine-color-blue-9)' }
const FRAMEWORK = { background: 'var(--mantine-color-violet-0)', color: 'var(--mantine-color-violet-9)' }
const RED_FLAG = { background: 'var(--mantine-color-red-0)', color: 'var(--mantine-color-red-9)' }

/** The flags of an indicator (core, framework indicator, red flag) as text badges; nothing when it has none. */
export function FlagBadges({
  indicator,
}: {
  indicator: Pick<IndicatorDoc, 'core' | 'frameworkIndicator' | 'redFlag'>
}) {
  const { t } = useTranslation()
  if (!indicator.core && !indicator.frameworkIndicator && !indicator.redFlag) return null
  return (
    <Group gap={4} component="span" wrap="wrap">
      {indicator.core && (
        <Badge component="span" style={CORE}>
          {t('enums:indicatorFlag.core')}
        </Badge>
      )}
      {indicator.frameworkIndicator && (
        <Badge component="span" style={FRAMEWORK}>
          {t('enums:indicatorFlag.framework')}
        </Badge>
      )}
      {indicator.redFlag && (
        <Badge component="span" style={RED_FLAG}>
          {t('enums:indicatorFlag.redFlag')}
        </Badge>
      )}
    </Group>
  )
}
