import { Group, Paper, Stack, Text } from '@mantine/core'
import {
  FOLLOW_UP_STATUSES,
  type FollowUpStatus,
  type PublicReportView,
  RECOMMENDATION_PRIORITIES,
  type RecommendationPriority,
} from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { FollowUpStatusBadge, PriorityBadge } from '../recommendations/Badges.tsx'

const isPriority = (p: string): p is RecommendationPriority =>
  (RECOMMENDATION_PRIORITIES as readonly string[]).includes(p)
const isStatus = (s: string | null): s is FollowUpStatus =>
  s !== null && (FOLLOW_UP_STATUSES as readonly string[]).includes(s)

/** The recommendations published with a national report: the round's new ones and the earlier ones followed up. */
export function PublicRecommendations({ recommendations }: { recommendations: PublicReportView['recommendations'] }) {
  const { t } = useTranslation()
  if (recommendations.length === 0) return <Text>{t('portal:country.noRecommendations')}</Text>
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {recommendations.map((r, i) => (
        // Published recommendations carry no id; their order in the snapshot is stable.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
        <Paper key={i} component="li" withBorder radius="sm" p="sm">
          <Stack gap={6}>
            <Text>{r.text}</Text>
            <Group gap="xs">
              {isPriority(r.priority) && <PriorityBadge priority={r.priority} size="sm" />}
              <FollowUpStatusBadge status={isStatus(r.status) ? r.status : null} size="sm" />
              <Text size="xs" c="dimmed">
                {t('portal:country.issuedIn', { round: r.issuedIn })}
              </Text>
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  )
}
