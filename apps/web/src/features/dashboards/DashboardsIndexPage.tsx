import { Alert, Anchor, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, Navigate } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useRounds } from '../rounds/api.ts'
import { DashboardLinks } from './DashboardLinks.tsx'
import { latestRound } from './filters.ts'

/** `/dashboards`: the regional overview of the latest round past planning that the user sees. */
export default function DashboardsIndexPage() {
  const { t } = useTranslation()
  usePageTitle(t('dashboards:overview.title'))
  const rounds = useRounds()
  const latest = latestRound(rounds.data ?? [])
  if (latest) return <Navigate to={`/dashboards/rounds/${latest.id}`} replace />
  return (
    <Stack gap="lg">
      <DashboardLinks current="overview" />
      <PageHeader title={t('dashboards:overview.title')} />
      {rounds.isPending && <ListSkeleton rows={3} />}
      {rounds.isError && <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.data && (
        <Alert color="blue" variant="light" icon={<InfoIcon />} title={t('dashboards:overview.noRoundTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('dashboards:overview.noRoundText')}</Text>
            <Anchor component={Link} to="/rounds" size="sm" fw={500}>
              {t('dashboards:overview.openRounds')}
            </Anchor>
          </Stack>
        </Alert>
      )}
    </Stack>
  )
}
