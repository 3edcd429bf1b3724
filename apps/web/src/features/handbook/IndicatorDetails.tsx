import { Stack, Text, Title } from '@mantine/core'
import type { ContentLocale, IndicatorDoc } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Facts } from '../../components/Facts.tsx'
import { Section } from '../../components/Section.tsx'
import { useFormat } from '../../i18n/format.ts'
import { DisaggregationView } from './DisaggregationView.tsx'
import { FlagBadges } from './FlagBadges.tsx'
import { LegalReferencesView } from './LegalReferencesView.tsx'
import { LocalText } from './LocalText.tsx'
import { MeasurementView } from './MeasurementView.tsx'

/** Everything an indicator says, section by section, read-only. */
export function IndicatorDetails({ indicator, baseLocale }: { indicator: IndicatorDoc; baseLocale: ContentLocale }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const m = indicator.measurement
  const sameUnit = m.type === 'count' && JSON.stringify(m.unit ?? null) === JSON.stringify(indicator.unit ?? null)
  const list = (items: string[]) => (items.length ? items.join(', ') : t('handbook:measure.none'))
  return (
    <Stack gap="lg">
      <Section title={t('handbook:indicator.aboutTitle')}>
        <Stack gap={4}>
          <Title order={3} size="h6">
            {t('handbook:indicator.definition')}
          </Title>
          <LocalText text={indicator.definition} baseLocale={baseLocale} size="sm" empty={t('handbook:measure.none')} />
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h6">
            {t('handbook:indicator.guidance')}
          </Title>
          <LocalText text={indicator.guidance} baseLocale={baseLocale} size="sm" empty={t('handbook:measure.none')} />
        </Stack>
      </Section>
      <Section title={t('handbook:indicator.measurementTitle')}>
        <Facts
          items={[
            { label: t('handbook:indicator.kind'), value: t(`enums:indicatorKind.${indicator.kind}`) },
            { label: t('handbook:indicator.type'), value: t(`enums:measurementType.${indicator.measurement.type}`) },
            // A count names what it counts itself; the indicator's unit is shown only when it says something else.
            ...(sameUnit
              ? []
              : [
                  {
                    label: t('handbook:indicator.unit'),
                    value: (
                      <LocalText
                        text={indicator.unit}
                        baseLocale={baseLocale}
                        size="sm"
                        empty={t('handbook:measure.none')}
                      />
                    ),
                  },
                ]),
          ]}
        />
        <MeasurementView measurement={indicator.measurement} baseLocale={baseLocale} />
      </Section>
      <Section title={t('handbook:indicator.disaggregationTitle')}>
        <DisaggregationView indicator={indicator} baseLocale={baseLocale} />
      </Section>
      <Section title={t('handbook:indicator.legalTitle')}>
        <LegalReferencesView references={indicator.legalReferences} />
      </Section>
      <Section title={t('handbook:indicator.contextTitle')}>
        <Facts
          items={[
            {
              label: t('handbook:indicator.sources'),
              value: list(indicator.sources.map((s) => t(`enums:organisationType.${s}`))),
            },
            { label: t('handbook:indicator.topics'), value: list(indicator.topics.map((s) => t(`enums:topic.${s}`))) },
            {
              label: t('handbook:indicator.flags'),
              value:
                indicator.core || indicator.frameworkIndicator || indicator.redFlag ? (
                  <FlagBadges indicator={indicator} />
                ) : (
                  t('handbook:indicator.noFlags')
                ),
            },
            { label: t('handbook:indicator.weight'), value: fmt.number(indicator.weight) },
          ]}
        />
        {indicator.redFlag && (
          <Text size="sm" c="dimmed">
            {t('handbook:indicator.redFlagHint')}
          </Text>
        )}
      </Section>
    </Stack>
  )
}
