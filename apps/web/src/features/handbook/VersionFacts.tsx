import { Anchor, SimpleGrid, Spoiler, Stack, Text, Title } from '@mantine/core'
import type { VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Facts } from '../../components/Facts.tsx'
import { Section } from '../../components/Section.tsx'
import { useFormat } from '../../i18n/format.ts'
import { LocalText } from './LocalText.tsx'
import { TranslationStatus } from './TranslationStatus.tsx'
import { VersionStatusBadge } from './VersionStatusBadge.tsx'

/** Status, lineage, dates, size, notes and translation completeness of a version. */
export function VersionFacts({ version }: { version: VersionDetail }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  const base = version.framework.baseLocale
  return (
    <Section title={t('handbook:version.aboutTitle')}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Facts
          items={[
            { label: t('handbook:version.status'), value: <VersionStatusBadge status={version.status} /> },
            { label: t('handbook:version.label'), value: version.label },
            {
              label: t('handbook:version.basedOn'),
              value: version.basedOn ? (
                <Anchor component={Link} to={`/handbook/${version.basedOn.id}`}>
                  {version.basedOn.label}
                </Anchor>
              ) : (
                t('handbook:version.firstVersion')
              ),
            },
            {
              label: t('handbook:version.published'),
              value: version.publishedAt ? fmt.date(version.publishedAt) : t('handbook:list.notPublished'),
            },
            {
              label: t('handbook:version.size'),
              value: t('handbook:version.sizeValue', {
                areas: version.areas.length,
                indicators: version.indicators.length,
              }),
            },
            { label: t('handbook:version.baseLocale'), value: t(`enums:contentLocale.${base}`) },
          ]}
        />
        <Stack gap="xs">
          <Title order={3} size="h6">
            {t('handbook:version.translations')}
          </Title>
          <TranslationStatus translations={version.translations} baseLocale={base} />
          <Anchor component={Link} to={`/handbook/${version.id}/translations`} size="sm">
            {t('handbook:contentTranslation.open')}
          </Anchor>
        </Stack>
      </SimpleGrid>
      <Stack gap={4}>
        <Title order={3} size="h6">
          {t('handbook:version.notes')}
        </Title>
        <Spoiler maxHeight={65} showLabel={t('handbook:area.showMore')} hideLabel={t('handbook:area.showLess')}>
          <LocalText text={version.notes} baseLocale={base} size="sm" empty={t('handbook:version.noNotes')} />
        </Spoiler>
      </Stack>
      {version.status === 'draft' && (
        <Text size="sm" c="dimmed">
          {t('handbook:version.draftHint')}
        </Text>
      )}
    </Section>
  )
}
