import { Group, Paper, Stack, Text } from '@mantine/core'
import { type DecisionsOverview, REVIEW_DECISIONS } from '@thbm/shared'
import { useTranslation } from 'react-i18next'

/**
 * What the decisions leave, announced as it changes: how many indicators remain of the total (the goal is a smaller
 * core set), the core set before and after, and how many are still undecided.
 */
export function DecisionSummary({ overview }: { overview: DecisionsOverview }) {
  const { t } = useTranslation()
  const s = overview.summary
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <Stack gap={4} role="status" aria-live="polite" data-testid="decision-summary">
        <Text fw={700} size="lg">
          {t('review:decisions.remaining', { remaining: s.remaining, total: s.total })}
        </Text>
        <Text size="sm">{t('review:decisions.core', { before: s.coreBefore, after: s.coreAfter })}</Text>
        <Text size="sm">
          {s.missing.length
            ? t('review:decisions.undecided', { count: s.missing.length, decided: s.decided, total: s.total })
            : t('review:decisions.allDecided', { total: s.total })}
        </Text>
        <Group gap="md">
          {REVIEW_DECISIONS.map((d) => (
            <Text key={d} size="sm" c="dimmed">
              {t('review:tally.item', { label: t(`review:decision.${d}`), n: s.byDecision[d] })}
            </Text>
          ))}
        </Group>
      </Stack>
    </Paper>
  )
}
