import { Anchor, Badge, Box, Group, Stack, Text } from '@mantine/core'
import type { ContentLocale } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { useHistory } from './api.ts'
import { LocalText } from './LocalText.tsx'

/** The indicator's lineage back through earlier versions: each generation's version, code, title and change. */
export function LineageHistory({
  versionId,
  code,
  baseLocale,
}: {
  versionId: string
  code: string
  baseLocale: ContentLocale
}) {
  const { t } = useTranslation()
  const history = useHistory(versionId, code)
  return (
    <Section title={t('handbook:history.title')} description={t('handbook:history.description')}>
      {history.isPending && <ListSkeleton rows={2} label={t('handbook:history.loading')} />}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {history.data.map((generation, i) => (
            <Box
              component="li"
              // biome-ignore lint/suspicious/noArrayIndexKey: generations are positional (0 = this version)
              key={i}
              pl="md"
              style={{ borderInlineStart: `3px solid var(--mantine-color-${i === 0 ? 'blue-6' : 'gray-4'})` }}
            >
              <Text fw={600} size="sm">
                {i === 0
                  ? t('handbook:history.current', { label: generation[0]?.label ?? '' })
                  : t('handbook:history.version', { label: generation[0]?.label ?? '' })}
              </Text>
              <Stack gap={6} mt={4}>
                {generation.map((step) => (
                  <div key={`${step.versionId}-${step.code}`}>
                    <Group gap={6} wrap="wrap" align="baseline">
                      <Anchor
                        component={Link}
                        to={`/handbook/${step.versionId}/indicators/${step.code}`}
                        ff="monospace"
                        fw={700}
                      >
                        {step.code}
                      </Anchor>
                      <LocalText text={step.title} baseLocale={baseLocale} size="sm" inline />
                    </Group>
                    <Group gap={6} mt={2}>
                      <Badge variant="outline" color="gray" style={{ color: 'var(--mantine-color-gray-8)' }}>
                        {t(`enums:lineageType.${step.lineage.type}`)}
                      </Badge>
                      {step.lineage.from.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('handbook:history.from', { codes: step.lineage.from.join(', ') })}
                        </Text>
                      )}
                    </Group>
                  </div>
                ))}
              </Stack>
            </Box>
          ))}
        </Stack>
      )}
    </Section>
  )
}
