import { Stack, Table, Text } from '@mantine/core'
import type { Area, ContentLocale } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { isNotFound } from '../rounds/api.ts'
import { useDates } from '../rounds/dates.ts'
import { ContentText } from '../rounds/text.tsx'
import { useAreaScores } from './api.ts'

interface Props {
  roundId: string
  country: string
  areas: Area[]
  baseLocale: ContentLocale
}

/**
 * The country's score per area from validated assessments, the provisional score with submitted ones, how many are
 * validated and left out for lack of data, and which red-flag indicators cap an area; with the method in a sentence.
 * Hidden for people who do not read assessments (404).
 */
export function AreaScoresSection({ roundId, country, areas, baseLocale }: Props) {
  const { t } = useTranslation()
  const fmt = useDates()
  const scores = useAreaScores(roundId, country)
  if (isNotFound(scores.error)) return null
  const data = scores.data
  const score = (n: number | null) =>
    n === null ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('assessments:scores.none')}</span>
      </>
    ) : (
      fmt.number(n, 1)
    )
  return (
    <Section
      title={t('assessments:scores.title')}
      description={data ? t('assessments:scores.method', { ceiling: fmt.number(data.method.redFlagCeiling, 1) }) : null}
    >
      {scores.isPending && <ListSkeleton rows={3} />}
      {scores.error && <ErrorAlert error={scores.error} onRetry={() => void scores.refetch()} />}
      {data && data.areas.length === 0 && <EmptyState>{t('assessments:scores.empty')}</EmptyState>}
      {data && data.areas.length > 0 && (
        <Stack gap="xs">
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder verticalSpacing="xs" data-testid="area-scores">
              <Table.Caption className="visually-hidden">{t('assessments:scores.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assessments:scores.area')}</Table.Th>
                  <Table.Th scope="col">{t('assessments:scores.score')}</Table.Th>
                  <Table.Th scope="col">{t('assessments:scores.provisional')}</Table.Th>
                  <Table.Th scope="col">{t('assessments:scores.validated')}</Table.Th>
                  <Table.Th scope="col">{t('assessments:scores.excluded')}</Table.Th>
                  <Table.Th scope="col">{t('assessments:scores.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.areas.map((a) => {
                  const area = areas.find((x) => x.code === a.area)
                  const notes = [
                    a.cappedBy.length > 0
                      ? t('assessments:scores.capped', {
                          codes: a.cappedBy.join(', '),
                          ceiling: fmt.number(data.method.redFlagCeiling, 1),
                        })
                      : null,
                    a.notScoredCount > 0 ? t('assessments:scores.notScored', { count: a.notScoredCount }) : null,
                  ].filter((n): n is string => n !== null)
                  return (
                    <Table.Tr key={a.area}>
                      <Table.Th scope="row" fw={500}>
                        {a.area}
                        {area && (
                          <>
                            {' · '}
                            <ContentText text={area.title} baseLocale={baseLocale} />
                          </>
                        )}
                      </Table.Th>
                      <Table.Td>{score(a.score)}</Table.Td>
                      <Table.Td>{score(a.provisionalScore)}</Table.Td>
                      <Table.Td>
                        {t('assessments:scores.validatedOf', { validated: a.validated, total: a.total })}
                      </Table.Td>
                      <Table.Td>{a.excludedCount}</Table.Td>
                      <Table.Td>{notes.length ? notes.join(' ') : ''}</Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            {t('assessments:scores.provisionalHint')}
          </Text>
        </Stack>
      )}
    </Section>
  )
}
