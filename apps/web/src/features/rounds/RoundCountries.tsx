import { Anchor, Table, Text } from '@mantine/core'
import type { Round } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { sortByName, useCountryName } from '../../components/country-name.ts'
import { Section } from '../../components/Section.tsx'

/** The round's countries the user sees, with the number of indicators in each list and a link to the workspace. */
export function RoundCountries({ round }: { round: Round }) {
  const { t, i18n } = useTranslation()
  const countryName = useCountryName()
  const countries = sortByName(round.countries, (c) => countryName(c.code), i18n.language)
  return (
    <Section title={t('rounds:round.countriesTitle')} description={t('rounds:round.countriesHint')}>
      {round.countries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rounds:round.noCountries')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table verticalSpacing="sm" striped>
            <Table.Caption className="visually-hidden">{t('rounds:round.countriesTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('rounds:round.country')}</Table.Th>
                <Table.Th scope="col">{t('rounds:round.indicatorCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {countries.map((c) => (
                <Table.Tr key={c.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/rounds/${round.id}/countries/${c.code}`} fw={500}>
                      {t('rounds:round.openWorkspace', { country: countryName(c.code) })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {c.indicatorCount === 0 && round.status === 'planning'
                      ? t('rounds:round.listOnStart')
                      : t('rounds:round.indicators', { count: c.indicatorCount })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  )
}
