import { Badge, Group, Stack, Text } from '@mantine/core'
import type { ContentLocale, Measurement } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Facts } from '../../components/Facts.tsx'
import { LocalText } from './LocalText.tsx'
import { TargetBandsTable } from './TargetBandsTable.tsx'

/** How an indicator is measured: every rubric level or yes/partial/no descriptor, the unit or currency, and bands. */
export function MeasurementView({ measurement, baseLocale }: { measurement: Measurement; baseLocale: ContentLocale }) {
  const { t } = useTranslation()
  switch (measurement.type) {
    case 'rubric':
      return (
        <Stack
          gap="xs"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('handbook:measure.levels')}
        >
          {measurement.levels.map((level, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the five levels are positional (0 to 4)
            <Group key={i} component="li" gap="sm" wrap="nowrap" align="flex-start">
              <Badge
                variant="light"
                color="blue"
                size="lg"
                style={{ flexShrink: 0, color: 'var(--mantine-color-blue-9)' }}
              >
                {t('handbook:measure.level', { level: i })}
              </Badge>
              <LocalText text={level} baseLocale={baseLocale} size="sm" />
            </Group>
          ))}
        </Stack>
      )
    case 'yes_partial_no':
      return (
        <Facts
          items={(['yes', 'partial', 'no'] as const).map((answer) => ({
            label: t(`handbook:measure.answer.${answer}`),
            value: <LocalText text={measurement.descriptors[answer]} baseLocale={baseLocale} size="sm" />,
          }))}
        />
      )
    case 'count':
      return (
        <Stack gap="sm">
          <Facts
            items={[
              {
                label: t('handbook:form.countUnit'),
                value: (
                  <LocalText
                    text={measurement.unit}
                    baseLocale={baseLocale}
                    size="sm"
                    empty={t('handbook:measure.none')}
                  />
                ),
              },
            ]}
          />
          <TargetBandsTable bands={measurement.targetBands} />
        </Stack>
      )
    case 'percentage':
      return (
        <Stack gap="sm">
          <Facts
            items={[
              {
                label: t('handbook:measure.numerator'),
                value: (
                  <LocalText
                    text={measurement.numeratorLabel}
                    baseLocale={baseLocale}
                    size="sm"
                    empty={t('handbook:measure.none')}
                  />
                ),
              },
              {
                label: t('handbook:measure.denominator'),
                value: (
                  <LocalText
                    text={measurement.denominatorLabel}
                    baseLocale={baseLocale}
                    size="sm"
                    empty={t('handbook:measure.none')}
                  />
                ),
              },
            ]}
          />
          <TargetBandsTable bands={measurement.targetBands} />
        </Stack>
      )
    case 'amount':
      return <Facts items={[{ label: t('handbook:measure.currency'), value: measurement.currency }]} />
    case 'text':
      return <Text size="sm">{t('handbook:measure.textAnswer')}</Text>
    default: {
      const never: never = measurement
      return never
    }
  }
}
