import { Anchor, Stack, Table, Text, Title } from '@mantine/core'
import type { Area, ContentLocale, IndicatorDoc } from '@thbm/shared'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { AlertIcon, CheckIcon } from '../../components/icons.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { isNotFound } from '../rounds/api.ts'
import { useDates } from '../rounds/dates.ts'
import { ContentText } from '../rounds/text.tsx'
import { useAgreement } from './api.ts'

interface Props {
  roundId: string
  country: string
  /** The round uses independent double scoring: the section is shown only then. */
  doubleScoring: boolean
  areas: Area[]
  /** The Handbook's indicators, for titles and level names (codes and numbers are shown without them). */
  indicators: IndicatorDoc[]
  baseLocale: ContentLocale
}

/**
 * How far the two experts of a double-scored round agree in a country: the number of indicators both scored, the
 * share scored at the same level and Cohen's kappa, overall and per area, with a line on what they mean; then each
 * disagreement with both levels, whether the country lead settled it, and a link to the indicator.
 * Hidden in rounds without double scoring, and for people who do not read assessments (404).
 */
export function AgreementSection({ roundId, country, doubleScoring, areas, indicators, baseLocale }: Props) {
  const { t, i18n } = useTranslation()
  const fmt = useDates()
  const agreement = useAgreement(roundId, country, doubleScoring)
  const kappaFormat = useMemo(
    () => new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    [i18n.language],
  )
  if (!doubleScoring || isNotFound(agreement.error)) return null
  const data = agreement.data
  const missing = (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('assessments:agreement.none')}</span>
    </>
  )
  const byCode = new Map(indicators.map((i) => [i.code, i]))
  const level = (code: string, n: number) => {
    const m = byCode.get(code)?.measurement
    if (m?.type === 'yes_partial_no') {
      const key = n === 2 ? 'yes' : n === 1 ? 'partial' : 'no'
      return t(`assessments:score.choice.${key}`)
    }
    return t('assessments:score.level', { level: n })
  }
  const stats = (s: { n: number; exactAgreement: number | null; kappa: number | null }) => (
    <>
      <Table.Td>{s.n}</Table.Td>
      <Table.Td>{s.exactAgreement === null ? missing : fmt.percent(s.exactAgreement, 0)}</Table.Td>
      <Table.Td>{s.kappa === null ? missing : kappaFormat.format(s.kappa)}</Table.Td>
    </>
  )
  const open = data ? data.disagreements.filter((d) => !d.resolved).length : 0

  return (
    <Section title={t('assessments:agreement.title')} description={t('assessments:agreement.explain')}>
      {agreement.isPending && <ListSkeleton rows={3} />}
      {agreement.error && <ErrorAlert error={agreement.error} onRetry={() => void agreement.refetch()} />}
      {data && data.overall.n === 0 && <Text size="sm">{t('assessments:agreement.empty')}</Text>}
      {data && data.overall.n > 0 && (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={520}>
            <Table striped withTableBorder verticalSpacing="xs" data-testid="agreement">
              <Table.Caption className="visually-hidden">{t('assessments:agreement.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assessments:agreement.area')}</Table.Th>
                  <Table.Th scope="col">{t('assessments:agreement.n')}</Table.Th>
                  <Table.Th scope="col">{t('assessments:agreement.exact')}</Table.Th>
                  <Table.Th scope="col">{t('assessments:agreement.kappa')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{t('assessments:agreement.overall')}</Table.Th>
                  {stats(data.overall)}
                </Table.Tr>
                {data.areas.map((a) => {
                  const area = areas.find((x) => x.code === a.area)
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
                      {stats(a)}
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('assessments:agreement.disagreementsTitle')}
            </Title>
            {data.disagreements.length === 0 ? (
              <Text size="sm">{t('assessments:agreement.noDisagreements')}</Text>
            ) : (
              <>
                <Text size="sm">
                  {t('assessments:agreement.disagreementsSummary', { count: data.disagreements.length, open })}
                </Text>
                <Table.ScrollContainer minWidth={520}>
                  <Table withTableBorder verticalSpacing="xs" data-testid="disagreements">
                    <Table.Caption className="visually-hidden">
                      {t('assessments:agreement.disagreementsCaption')}
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('assessments:agreement.indicator')}</Table.Th>
                        <Table.Th scope="col">{t('assessments:agreement.first')}</Table.Th>
                        <Table.Th scope="col">{t('assessments:agreement.second')}</Table.Th>
                        <Table.Th scope="col">{t('assessments:agreement.state')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.disagreements.map((d) => {
                        const indicator = byCode.get(d.indicatorCode)
                        return (
                          <Table.Tr key={d.indicatorCode}>
                            <Table.Th scope="row" fw={500}>
                              <Anchor
                                component={Link}
                                to={`/rounds/${roundId}/countries/${country}/indicators/${d.indicatorCode}`}
                                size="sm"
                              >
                                {d.indicatorCode}
                                {indicator && (
                                  <>
                                    {' · '}
                                    <ContentText text={indicator.title} baseLocale={baseLocale} />
                                  </>
                                )}
                              </Anchor>
                            </Table.Th>
                            <Table.Td>{level(d.indicatorCode, d.primary)}</Table.Td>
                            <Table.Td>{level(d.indicatorCode, d.second)}</Table.Td>
                            <Table.Td>
                              {d.resolved ? (
                                <Text size="sm" c="teal.9" component="span">
                                  <CheckIcon size={14} style={{ verticalAlign: '-2px' }} />{' '}
                                  {t('assessments:agreement.resolved')}
                                </Text>
                              ) : (
                                <Text size="sm" c="orange.9" component="span">
                                  <AlertIcon size={14} style={{ verticalAlign: '-2px' }} />{' '}
                                  {t('assessments:agreement.unresolved')}
                                </Text>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        )
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
          </Stack>
        </Stack>
      )}
    </Section>
  )
}
