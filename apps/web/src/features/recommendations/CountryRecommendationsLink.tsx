import { Anchor, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Section } from '../../components/Section.tsx'
import { useDates } from '../rounds/dates.ts'
import { useImplementation } from './api.ts'

/** On a country's page: the latest implementation rate of its recommendations and the way to all of them. */
export function CountryRecommendationsLink({ code }: { code: string }) {
  const { t } = useTranslation()
  const fmt = useDates()
  const implementation = useImplementation(code)
  const latest = implementation.data?.byRound.at(-1)
  return (
    <Section title={t('recommendations:countryLink.title')} description={t('recommendations:countryLink.hint')}>
      {latest && latest.rate !== null && (
        <Text size="sm">
          {t('recommendations:countryLink.latest', { round: latest.round.name, rate: fmt.percent(latest.rate) })}
        </Text>
      )}
      <Anchor component={Link} to={`/countries/${code}/recommendations`} fw={500}>
        {t('recommendations:countryLink.open')}
      </Anchor>
    </Section>
  )
}
