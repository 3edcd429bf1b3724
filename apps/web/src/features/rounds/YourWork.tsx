import { Anchor, Badge, Group, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Me, MyWork } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../api/client.ts'
import { useCountryName } from '../../components/country-name.ts'
import { Section } from '../../components/Section.tsx'
import { useDates } from './dates.ts'
import { LateBadge, WorkStatusBadge } from './StatusBadges.tsx'
import { ContentText } from './text.tsx'

const SHOWN = 12

/** The signed-in user's open work (`GET /api/me/work`); only data providers and experts are ever asked for any. */
export function useMyWork(enabled: boolean) {
  return useQuery({
    queryKey: ['rounds', 'my-work'],
    queryFn: ({ signal }) => api<{ data: MyWork }>('/me/work', { signal }).then((r) => r.data),
    enabled,
  })
}

/**
 * "Your work" on the start page: indicators of rounds collecting data that the user's organisation must answer or
 * the user must assess, not submitted yet, soonest due first. Shows nothing when there is none.
 */
export function YourWork({ me }: { me: Me }) {
  const { t } = useTranslation()
  const fmt = useDates()
  const countryName = useCountryName()
  const asked = me.memberships.some((m) => m.role === 'data_provider' || m.role === 'expert')
  const work = useMyWork(asked)
  const items = work.data?.items ?? []
  if (items.length === 0) return null
  return (
    <Section
      title={t('rounds:yourWork.title')}
      description={t('rounds:yourWork.description', {
        count: items.length,
        late: work.data?.late ?? 0,
        returned: work.data?.returned ?? 0,
      })}
    >
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.slice(0, SHOWN).map((item) => (
          <li key={`${item.roundId}/${item.countryCode}/${item.indicatorCode}/${item.as}/${item.organisation?.id}`}>
            <Group gap="xs" wrap="wrap" align="baseline">
              <Anchor
                component={Link}
                to={`/rounds/${item.roundId}/countries/${item.countryCode}/indicators/${item.indicatorCode}${
                  item.organisation ? `?source=${item.organisation.id}` : ''
                }`}
                fw={600}
              >
                {item.indicatorCode}
              </Anchor>
              <Text size="sm" span>
                <ContentText text={item.title} />
              </Text>
              <WorkStatusBadge status={item.status} size="sm" />
              {item.late && <LateBadge size="sm" />}
              {item.dueSoon && (
                <Badge size="sm" variant="outline" color="gray" style={{ color: 'var(--mantine-color-gray-9)' }}>
                  {t('rounds:yourWork.dueSoon')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t(item.as === 'expert' ? 'rounds:yourWork.lineExpert' : 'rounds:yourWork.line', {
                round: item.roundName,
                country: countryName(item.countryCode),
                due: item.dueOn ? fmt.date(item.dueOn) : t('rounds:workspace.noDue'),
              })}
            </Text>
          </li>
        ))}
      </Stack>
      {items.length > SHOWN && (
        <Text size="sm" c="dimmed">
          {t('rounds:yourWork.more', { count: items.length - SHOWN })}
        </Text>
      )}
    </Section>
  )
}
