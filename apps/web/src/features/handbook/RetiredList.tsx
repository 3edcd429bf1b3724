import { Group, Stack, Text } from '@mantine/core'
import type { VersionDetail } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Section } from '../../components/Section.tsx'
import { compareCodes } from './diff-groups.ts'
import { LocalText } from './LocalText.tsx'

/** The earlier codes this version retired at publication, with their old titles. */
export function RetiredList({ version }: { version: VersionDetail }) {
  const { t } = useTranslation()
  const retired = [...version.retired].sort((a, b) => compareCodes(a.code, b.code))
  return (
    <Section
      title={t('handbook:retired.title')}
      description={t('handbook:retired.description', { label: version.basedOn?.label ?? '' })}
    >
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {retired.map((r) => (
          <Group key={r.code} component="li" gap="xs" wrap="nowrap" align="baseline">
            <Text ff="monospace" fw={700} size="sm">
              {r.code}
            </Text>
            <LocalText text={r.title} baseLocale={version.framework.baseLocale} size="sm" inline />
          </Group>
        ))}
      </Stack>
    </Section>
  )
}
