import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { GroupDistribution as Group, ReviewCriterion, ReviewResponse } from '@thbm/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ConsensusBadge } from './Badges.tsx'
import { useCountsText, useProposalText, useReviewFormat, useTallyText } from './text.ts'

interface Props {
  group: Group
  previous: ReviewResponse | null
  criteria: readonly ReviewCriterion[]
}

/**
 * The group's anonymous distribution in the previous round next to the participant's own previous answer: per
 * criterion the median, the interquartile range and the counts of each rating; then the proposals.
 */
export function GroupDistribution({ group, previous, criteria }: Props) {
  const { t } = useTranslation()
  const headingId = useId()
  const { stat } = useReviewFormat()
  const counts = useCountsText()
  const tally = useTallyText()
  const proposal = useProposalText()
  return (
    <Paper withBorder radius="sm" p="sm" bg="gray.0" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={4} size="h6" id={headingId}>
          {t('review:group.title', { round: group.round, count: group.respondents })}
        </Title>
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing={4} withTableBorder bg="white" data-testid="group-distribution">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('review:stats.criterion')}</Table.Th>
                <Table.Th scope="col">{t('review:group.yours')}</Table.Th>
                <Table.Th scope="col">{t('review:stats.median')}</Table.Th>
                <Table.Th scope="col">{t('review:stats.iqr')}</Table.Th>
                <Table.Th scope="col">{t('review:stats.counts')}</Table.Th>
                <Table.Th scope="col">{t('review:stats.consensusColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {criteria.map((c) => {
                const s = group.criteria.find((x) => x.criterion === c)
                return (
                  <Table.Tr key={c}>
                    <Table.Th scope="row" fw={500}>
                      {t(`review:criterion.${c}`)}
                    </Table.Th>
                    <Table.Td>{previous?.ratings[c] ?? t('review:stats.none')}</Table.Td>
                    <Table.Td>{stat(s?.median)}</Table.Td>
                    <Table.Td>{stat(s?.iqr)}</Table.Td>
                    <Table.Td className="nowrap">{s ? counts(s.counts) : t('review:stats.none')}</Table.Td>
                    <Table.Td>
                      <ConsensusBadge consensus={s?.consensus ?? null} />
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm">{t('review:group.proposals', { proposals: tally(group.proposals) })}</Text>
        <Text size="sm">
          {t('review:group.yourProposal', { proposal: previous ? proposal(previous) : t('review:stats.none') })}
        </Text>
        {previous?.comment && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
            {t('review:group.yourComment', { comment: previous.comment })}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
