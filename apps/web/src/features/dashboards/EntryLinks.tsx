import { Anchor, Button } from '@mantine/core'
import type { RoundStatus } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMe } from '../../app/queries.ts'
import { Section } from '../../components/Section.tsx'
import { mayReadDashboards } from './permissions.ts'

/** On a country's page: the way to its dashboard (hidden from data providers, who may not read it). */
export function CountryDashboardLink({ code }: { code: string }) {
  const { t } = useTranslation()
  const me = useMe().data
  if (!mayReadDashboards(me?.data)) return null
  return (
    <Section title={t('dashboards:links.countryProfile')} description={t('dashboards:links.countryProfileHint')}>
      <Anchor component={Link} to={`/dashboards/countries/${code}`} fw={500}>
        {t('dashboards:links.openProfile')}
      </Anchor>
    </Section>
  )
}

/** On a round's page: the way to its regional overview, once the round has left planning. */
export function RoundDashboardLink({ roundId, status }: { roundId: string; status: RoundStatus }) {
  const { t } = useTranslation()
  const me = useMe().data
  if (status === 'planning' || !mayReadDashboards(me?.data)) return null
  return (
    <Button component={Link} to={`/dashboards/rounds/${roundId}`} variant="light">
      {t('dashboards:links.overview')}
    </Button>
  )
}
