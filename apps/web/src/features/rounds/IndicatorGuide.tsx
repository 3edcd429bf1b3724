import { Anchor, Badge, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import type { ContentLocale, IndicatorDoc } from '@thbm/shared'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ChevronDownIcon } from '../../components/icons.tsx'
import { Section } from '../../components/Section.tsx'
import { useLocalText } from './text.tsx'

interface Props {
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  versionId: string
  reason: string
}

/** The indicator's definition, how it is measured and broken down, and its guidance (folded away until asked for). */
export function IndicatorGuide({ indicator, baseLocale, versionId, reason }: Props) {
  const { t } = useTranslation()
  const pick = useLocalText(baseLocale)
  const [open, setOpen] = useState(false)
  const guidanceId = useId()
  const definition = pick(indicator.definition)
  const guidance = pick(indicator.guidance)
  const dimensions = [
    ...indicator.disaggregations.map((d) => t(`enums:dimension.${d}`)),
    ...indicator.customDimensions.map((d) => pick(d.label).text || d.code),
  ]
  return (
    <Section
      title={t('rounds:guide.title')}
      actions={
        reason === 'national' ? null : (
          <Anchor component={Link} to={`/handbook/${versionId}/indicators/${indicator.code}`} size="sm">
            {t('rounds:guide.handbook')}
          </Anchor>
        )
      }
    >
      <Stack gap="sm">
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color="gray" style={{ color: 'var(--mantine-color-gray-9)' }}>
            {t(`enums:measurementType.${indicator.measurement.type}`)}
          </Badge>
          <Badge variant="light" color="gray" style={{ color: 'var(--mantine-color-gray-9)' }}>
            {t(`rounds:reason.${reason}`)}
          </Badge>
          {indicator.disaggregations.includes('victim_status') && (
            <Badge variant="light" color="gray" style={{ color: 'var(--mantine-color-gray-9)' }}>
              {t('rounds:guide.statusApart')}
            </Badge>
          )}
        </Group>
        {definition.missing && (
          <Text size="xs" c="dimmed">
            {t('rounds:guide.notTranslated', { language: t(`enums:contentLocale.${baseLocale}`) })}
          </Text>
        )}
        <Text size="sm" lang={definition.lang} style={{ whiteSpace: 'pre-line' }}>
          {definition.text}
        </Text>
        {dimensions.length > 0 && (
          <Text size="sm">
            <strong>{t('rounds:guide.breakdowns')}</strong> {dimensions.join(', ')}
          </Text>
        )}
        {guidance.text && (
          <>
            <UnstyledButton
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              aria-controls={guidanceId}
              className="guide-toggle"
            >
              <Group gap={4}>
                <Text size="sm" fw={600} c="blue.8">
                  {open ? t('rounds:guide.hideGuidance') : t('rounds:guide.showGuidance')}
                </Text>
                <ChevronDownIcon size={14} style={{ transform: open ? 'rotate(180deg)' : undefined }} />
              </Group>
            </UnstyledButton>
            <Collapse expanded={open} id={guidanceId}>
              <Text size="sm" lang={guidance.lang} style={{ whiteSpace: 'pre-line' }}>
                {guidance.text}
              </Text>
            </Collapse>
          </>
        )}
      </Stack>
    </Section>
  )
}
