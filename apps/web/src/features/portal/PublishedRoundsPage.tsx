import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { PublicRound } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { usePublicRounds } from './api.ts'
import { formatDay } from './dates.ts'
import { portalPath } from './portal-data.ts'
import { usePortalLang } from './usePortalLang.ts'

/** The portal's start page: every published round, newest first, or a note that nothing is published yet. */
export default function PublishedRoundsPage() {
  const { t } = useTranslation()
  usePageTitle(t('portal:rounds.title'))
  const rounds = usePublicRounds()
  return (
    <Stack gap="lg">
      <PageHeader title={t('portal:rounds.title')} subtitle={t('portal:rounds.intro')} />
      {rounds.isPending && <ListSkeleton rows={3} />}
      {rounds.isError && <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.data?.length === 0 && (
        <Paper withBorder radius="md" p="xl" bg="white">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('portal:rounds.emptyTitle')}
            </Title>
            <Text>{t('portal:rounds.emptyText')}</Text>
          </Stack>
        </Paper>
      )}
      {rounds.data && rounds.data.length > 0 && (
        <SimpleGrid
          component="ul"
          cols={{ base: 1, sm: 2, md: 3 }}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {rounds.data.map((round) => (
            <RoundCard key={round.id} round={round} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}

function RoundCard({ round }: { round: PublicRound }) {
  const { t } = useTranslation()
  const lang = usePortalLang()
  const countries = new Set(round.publications.filter((p) => p.kind === 'national').map((p) => p.scope)).size
  const regional = round.publications.some((p) => p.kind === 'regional')
  const focus = round.focusTopic && round.focusTopic !== 'custom' ? t(`rounds:focus.${round.focusTopic}`) : null
  return (
    <Paper component="li" withBorder radius="md" p="lg" bg="white">
      <Stack gap={6}>
        <Title order={2} size="h4">
          <Anchor component={Link} to={portalPath(lang, `/rounds/${round.id}`)}>
            {round.name}
          </Anchor>
        </Title>
        <Text size="sm">
          {t('portal:rounds.period', { from: formatDay(round.periodFrom, lang), to: formatDay(round.periodTo, lang) })}
        </Text>
        {focus && <Text size="sm">{t('portal:rounds.focus', { focus })}</Text>}
        <Text size="sm" c="dimmed">
          {t('portal:rounds.countries', { count: countries })}
          {regional ? ` · ${t('portal:rounds.regional')}` : ''}
        </Text>
      </Stack>
    </Paper>
  )
}
