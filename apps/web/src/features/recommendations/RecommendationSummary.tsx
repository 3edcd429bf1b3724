import { Anchor, Group, Paper, Stack, Text } from '@mantine/core'
import type { Recommendation } from '@thbm/shared'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { FollowUpStatusBadge, PriorityBadge } from './Badges.tsx'

/** One labelled fact on a line ("Source: Monitoring"), left out when empty. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm" component="p" m={0}>
      <Text span fw={600} size="sm">
        {label}:
      </Text>{' '}
      {children}
    </Text>
  )
}

/** Institutions, areas and indicators, each as a list in a sentence, or "none". */
export function useListText() {
  const { t, i18n } = useTranslation()
  const format = new Intl.ListFormat(i18n.language, { style: 'short', type: 'unit' })
  return (items: readonly string[]) => (items.length ? format.format(items) : t('recommendations:none'))
}

interface Props {
  rec: Recommendation
  /** Show the issuing round (left out where the list is of one round). */
  showRound?: boolean
  /** What to show instead of the latest status (in a round's follow-up: the previous and this round's status). */
  status?: ReactNode
  /** Extra content at the bottom (a form, a note). */
  children?: ReactNode
}

/**
 * A recommendation in a list: its text (linking to its page with the whole history), priority, latest status in
 * words, source, institutions, areas and the round that issued it.
 */
export function RecommendationSummary({ rec, showRound = true, status, children }: Props) {
  const { t } = useTranslation()
  const list = useListText()
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="recommendation">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <PriorityBadge priority={rec.priority} />
          {status ?? (
            <>
              <Text span size="sm" c="dimmed">
                {t('recommendations:list.latestStatus')}
              </Text>
              <FollowUpStatusBadge status={rec.latestStatus} />
            </>
          )}
        </Group>
        <Anchor component={Link} to={`/recommendations/${rec.id}`} fw={500} style={{ whiteSpace: 'pre-line' }}>
          {rec.text}
        </Anchor>
        <Stack gap={2}>
          {showRound && <Fact label={t('recommendations:fields.issuedIn')}>{rec.issuedIn.name}</Fact>}
          <Fact label={t('recommendations:fields.source')}>{t(`recommendations:source.${rec.source}`)}</Fact>
          <Fact label={t('recommendations:fields.institutions')}>{list(rec.institutions)}</Fact>
          <Fact label={t('recommendations:fields.areas')}>{list(rec.areaCodes)}</Fact>
          {rec.indicatorCodes.length > 0 && (
            <Fact label={t('recommendations:fields.indicators')}>{list(rec.indicatorCodes)}</Fact>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  )
}
