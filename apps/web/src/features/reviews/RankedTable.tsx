import { Button, Stack, Table, Text } from '@mantine/core'
import type { ContentLocale, IndicatorEvidence, ReviewResults } from '@thbm/shared'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LocalText } from '../handbook/LocalText.tsx'
import { ConsensusBadge } from './Badges.tsx'
import { IndicatorResultDetail } from './IndicatorResultDetail.tsx'
import { useReviewFormat, useTallyText } from './text.ts'

type Indicator = ReviewResults['indicators'][number]

interface Props {
  results: ReviewResults
  indicators: Indicator[]
  evidence: Map<string, IndicatorEvidence> | undefined
  baseLocale: ContentLocale
}

/** Indicators by rank with median, IQR and consensus per criterion and the proposals; a row opens its details. */
export function RankedTable({ results, indicators, evidence, baseLocale }: Props) {
  const { t } = useTranslation()
  const { medianIqr, percent } = useReviewFormat()
  const tally = useTallyText()
  const [open, setOpen] = useState<string | null>(null)
  const columns = results.criteria.length + 5
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="xs" data-testid="ranked-results">
        <Table.Caption className="visually-hidden">
          {t('review:results.rankedTitle', { round: results.round })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('review:results.rank')}</Table.Th>
            <Table.Th scope="col">{t('review:results.indicator')}</Table.Th>
            {results.criteria.map((c) => (
              <Table.Th key={c} scope="col">
                {t(`review:criterion.${c}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('review:results.proposals')}</Table.Th>
            <Table.Th scope="col">{t('review:results.dataShare')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('review:results.details')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((ind) => {
            const expanded = open === ind.code
            const detailId = `result-${ind.code}`
            return (
              <Fragment key={ind.code}>
                <Table.Tr>
                  <Table.Td>{ind.rank}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <Text size="sm" fw={600} span>
                      {ind.code}
                    </Text>{' '}
                    <LocalText text={ind.title} baseLocale={baseLocale} size="sm" inline />
                    <Text size="xs" c="dimmed">
                      {t('review:results.respondents', { count: ind.respondents })}
                    </Text>
                  </Table.Th>
                  {results.criteria.map((c) => {
                    const s = ind.overall.find((o) => o.criterion === c)
                    return (
                      <Table.Td key={c}>
                        <Stack gap={2} align="flex-start">
                          <Text size="sm" className="nowrap">
                            {medianIqr(s?.median ?? null, s?.iqr ?? null)}
                          </Text>
                          <ConsensusBadge consensus={s?.consensus ?? null} />
                        </Stack>
                      </Table.Td>
                    )
                  })}
                  <Table.Td>
                    <Text size="sm">{tally(ind.proposals)}</Text>
                  </Table.Td>
                  <Table.Td>{percent(evidence?.get(ind.code)?.dataShare)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailId : undefined}
                      aria-label={t('review:results.detailsFor', { code: ind.code })}
                      onClick={() => setOpen(expanded ? null : ind.code)}
                    >
                      {expanded ? t('review:results.hideDetails') : t('review:results.details')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td colSpan={columns} id={detailId} bg="gray.0">
                      <IndicatorResultDetail indicator={ind} results={results} evidence={evidence?.get(ind.code)} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
