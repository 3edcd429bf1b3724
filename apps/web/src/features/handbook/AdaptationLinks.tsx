import { Anchor, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCountries } from '../../app/queries.ts'
import { countryName } from '../../components/country-name.ts'
import { Section } from '../../components/Section.tsx'

/** Links to the country adaptations of a published version, for the countries the person may see. */
export function AdaptationLinks({ versionId }: { versionId: string }) {
  const { t, i18n } = useTranslation()
  const countries = useCountries()
  if (!countries.data?.length) return null
  return (
    <Section title={t('handbook:adaptLinks.title')} description={t('handbook:adaptLinks.description')}>
      <Group gap="md" wrap="wrap" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {countries.data.map((c) => (
          <li key={c.code}>
            <Anchor component={Link} to={`/handbook/${versionId}/adaptations/${c.code}`}>
              {t('handbook:adaptLinks.adaptFor', { country: countryName(c, i18n.language) })}
            </Anchor>
          </li>
        ))}
      </Group>
    </Section>
  )
}
