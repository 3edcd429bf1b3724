import { Alert, Group, NativeSelect, Stack, Table, Text } from '@mantine/core'
import type { ReviewDetail } from '@thbm/shared'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCountryName } from '../../components/country-name.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { InfoIcon } from '../../components/icons.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { useContentText } from '../handbook/useContentText.ts'
import { useRatings } from './api.ts'
import { useProposalText } from './text.ts'
import { useBaseLocale, useReviewedVersion } from './useBaseLocale.ts'

/**
 * Individual ratings of one indicator in a round, each under the participant's pseudonym with their country; a name
 * only for those who agreed to be named. For checking the spread, never for attributing ratings.
 */
export function RatingsTab({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation()
  const countryName = useCountryName()
  const version = useReviewedVersion(review)
  const pick = useContentText(useBaseLocale(review))
  const [round, setRound] = useState<number>(review.currentRound)
  const started = review.currentRound > 0
  const ratings = useRatings(review.id, started ? round : null, started)
  const codes = version.data?.indicators.map((i) => ({ value: i.code, label: `${i.code} ${pick(i.title).text}` })) ?? []
  const [code, setCode] = useState<string | null>(null)
  // Start at the first indicator anyone rated in the round (in a later round, often only a few are revised).
  const rated = new Set(ratings.data?.participants.flatMap((p) => p.responses.map((r) => r.code)))
  const chosen = code ?? codes.find((c) => rated.has(c.value))?.value ?? codes[0]?.value ?? null
  const proposal = useProposalText()
  if (!started)
    return (
      <Alert color="blue" variant="light" icon={<InfoIcon />}>
        {t('review:results.notStarted')}
      </Alert>
    )
  const rows = (ratings.data?.participants ?? []).flatMap((p) => {
    const response = p.responses.find((r) => r.code === chosen)
    return response ? [{ p, response }] : []
  })
  return (
    <Section title={t('review:ratings.title')} description={t('review:ratings.hint')}>
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label={t('review:results.round')}
          data={review.rounds.map((r) => ({
            value: String(r.number),
            label: t('review:results.roundOption', { round: r.number }),
          }))}
          value={String(round)}
          onChange={(e) => setRound(Number(e.currentTarget.value))}
          w={200}
        />
        <NativeSelect
          label={t('review:ratings.indicator')}
          data={codes}
          value={chosen ?? ''}
          onChange={(e) => setCode(e.currentTarget.value)}
          w={420}
          maw="100%"
        />
      </Group>
      {ratings.isPending && <ListSkeleton rows={4} />}
      {ratings.isError && <ErrorAlert error={ratings.error} onRetry={() => void ratings.refetch()} />}
      {ratings.data && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('review:ratings.none')}
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" striped data-testid="individual-ratings">
            <Table.Caption className="visually-hidden">
              {t('review:ratings.caption', { code: chosen ?? '', round })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('review:ratings.participant')}</Table.Th>
                <Table.Th scope="col">{t('review:participants.country')}</Table.Th>
                {review.criteria.map((c) => (
                  <Table.Th key={c} scope="col">
                    {t(`review:criterion.${c}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('review:ratings.proposal')}</Table.Th>
                <Table.Th scope="col">{t('review:ratings.comment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ p, response }) => (
                <Table.Tr key={p.pseudonym}>
                  <Table.Th scope="row" fw={500}>
                    {p.name
                      ? t('review:ratings.pseudonymNamed', { n: p.pseudonym, name: p.name })
                      : t('review:ratings.pseudonym', { n: p.pseudonym })}
                  </Table.Th>
                  <Table.Td>{countryName(p.countryCode)}</Table.Td>
                  {review.criteria.map((c) => (
                    <Table.Td key={c}>{response.ratings[c] ?? t('review:stats.none')}</Table.Td>
                  ))}
                  <Table.Td>{proposal(response)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                      {response.comment ?? ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {t('review:ratings.anonymity')}
        </Text>
      </Stack>
    </Section>
  )
}
