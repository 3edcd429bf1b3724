import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { IndicatorEvidence, ReviewResults } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { sortByName, useCountryName } from '../../components/country-name.ts'
import { ConsensusBadge } from './Badges.tsx'
import { EvidenceFacts } from './EvidenceFacts.tsx'
import { useCountsText, useReviewFormat, useTallyText } from './text.ts'

type Indicator = ReviewResults['indicators'][number]

/** One indicator's results: every criterion's statistics, by country, proposals, stability, and the evidence. */
export function IndicatorResultDetail({
  indicator,
  results,
  evidence,
}: {
  indicator: Indicator
  results: ReviewResults
  evidence: IndicatorEvidence | undefined
}) {
  const { t, i18n } = useTranslation()
  const { stat, medianIqr, percent } = useReviewFormat()
  const tally = useTallyText()
  const counts = useCountsText()
  const countryName = useCountryName()
  return (
    <Stack gap="md" py="xs">
      <Stack gap={4}>
        <Title order={3} size="h6">
          {t('review:results.overallTitle', { code: indicator.code })}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder verticalSpacing={4} bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('review:stats.criterion')}</Table.Th>
                <Table.Th scope="col">{t('review:stats.n')}</Table.Th>
                <Table.Th scope="col">{t('review:stats.median')}</Table.Th>
                <Table.Th scope="col">{t('review:stats.quartiles')}</Table.Th>
                <Table.Th scope="col">{t('review:stats.iqr')}</Table.Th>
                <Table.Th scope="col">{t('review:stats.consensusColumn')}</Table.Th>
                <Table.Th scope="col">{t('review:stats.counts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicator.overall.map((s) => (
                <Table.Tr key={s.criterion}>
                  <Table.Th scope="row" fw={500}>
                    {t(`review:criterion.${s.criterion}`)}
                  </Table.Th>
                  <Table.Td>{s.n}</Table.Td>
                  <Table.Td>{stat(s.median)}</Table.Td>
                  <Table.Td className="nowrap">
                    {s.q1 === null ? stat(null) : t('review:stats.range', { q1: stat(s.q1), q3: stat(s.q3) })}
                  </Table.Td>
                  <Table.Td>{stat(s.iqr)}</Table.Td>
                  <Table.Td>
                    <ConsensusBadge consensus={s.consensus} />
                  </Table.Td>
                  <Table.Td className="nowrap">{counts(s.counts)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {indicator.byCountry.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h6">
            {t('review:results.byCountryTitle')}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder verticalSpacing={4} bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('review:participants.country')}</Table.Th>
                  {results.criteria.map((c) => (
                    <Table.Th key={c} scope="col">
                      {t(`review:criterion.${c}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sortByName(indicator.byCountry, (row) => countryName(row.countryCode), i18n.language).map((row) => (
                  <Table.Tr key={row.countryCode}>
                    <Table.Th scope="row" fw={500}>
                      {countryName(row.countryCode)}
                    </Table.Th>
                    {results.criteria.map((c) => {
                      const s = row.criteria.find((x) => x.criterion === c)
                      return (
                        <Table.Td key={c} className="nowrap">
                          {medianIqr(s?.median ?? null, s?.iqr ?? null)}
                        </Table.Td>
                      )
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={4}>
          <Title order={3} size="h6">
            {t('review:results.proposalsTitle')}
          </Title>
          <Text size="sm">{tally(indicator.proposals)}</Text>
          <Title order={3} size="h6" mt="sm">
            {t('review:results.stabilityTitle')}
          </Title>
          {indicator.stability ? (
            <Stack gap={2} component="ul" m={0} pl="md">
              {indicator.stability.map((s) => (
                <Text component="li" size="sm" key={s.criterion}>
                  {t('review:results.stabilityLine', {
                    criterion: t(`review:criterion.${s.criterion}`),
                    changed: s.changed,
                    n: s.n,
                    share: percent(s.changedShare),
                    change: stat(s.medianChange),
                  })}
                </Text>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('review:results.stabilityNone')}
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h6">
            {t('review:evidence.title')}
          </Title>
          <EvidenceFacts evidence={evidence} />
        </Stack>
      </SimpleGrid>
    </Stack>
  )
}
