import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCountries } from '../../app/queries.ts'
import { countryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'

/** The countries the person may see, each linking to its page. */
export default function CountriesPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('countries:list.title'))
  const countries = useCountries()
  return (
    <Stack gap="lg">
      <PageHeader title={t('countries:list.title')} subtitle={t('countries:list.subtitle')} />
      {countries.isPending && <ListSkeleton rows={6} label={t('countries:list.loading')} />}
      {countries.isError && <ErrorAlert error={countries.error} onRetry={() => void countries.refetch()} />}
      {countries.data?.length === 0 && <Text c="dimmed">{t('countries:list.empty')}</Text>}
      {countries.data && countries.data.length > 0 && (
        <SimpleGrid
          cols={{ base: 1, xs: 2, md: 3 }}
          spacing="md"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {countries.data.map((c) => (
            <li key={c.code}>
              <Card
                component={Link}
                to={`/countries/${c.code}`}
                withBorder
                radius="md"
                padding="lg"
                className="link-card"
                h="100%"
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600}>{countryName(c, i18n.language)}</Text>
                  <Badge variant="outline" color="gray" aria-label={t('countries:list.codeLabel', { code: c.code })}>
                    {c.code}
                  </Badge>
                </Group>
              </Card>
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}
