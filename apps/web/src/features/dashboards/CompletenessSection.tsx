import { Anchor, Table } from '@mantine/core'
import type { RoundOverview } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Chart } from '../../components/Chart.tsx'
import { Section } from '../../components/Section.tsx'
import { useDates } from '../rounds/dates.ts'
import { completenessSpec, countryLabel } from './overview-charts.ts'

/**
 * How far each country's data is in, who is late, and the way to each country's progress board (late indicators
 * filtered), so a coordinator sees what is missing and where.
 */
export function CompletenessSection({ overview }: { overview: RoundOverview }) {
  const { t, i18n } = useTranslation()
  const fmt = useDates()
  const board = (code: string) => `/rounds/${overview.round.id}/countries/${code}`
  return (
    <Section
      title={t('dashboards:overview.completeness.title')}
      description={t('dashboards:overview.completeness.hint')}
    >
      <Chart
        spec={completenessSpec(overview, t, i18n.language)}
        height={Math.max(220, 80 + overview.countries.length * 40)}
      />
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder verticalSpacing="xs" data-testid="completeness-table">
          <Table.Caption>{t('dashboards:overview.completeness.caption', { round: overview.round.name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboards:common.country')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('dashboards:overview.completeness.indicators')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('dashboards:overview.completeness.series')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('dashboards:overview.completeness.validated')}
              </Table.Th>
              <Table.Th scope="col" ta="end">
                {t('dashboards:overview.completeness.late')}
              </Table.Th>
              <Table.Th scope="col">{t('dashboards:overview.completeness.board')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.countries.map((c) => {
              const name = countryLabel(c, i18n.language)
              return (
                <Table.Tr key={c.code}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/dashboards/countries/${c.code}`} size="sm">
                      {name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td ta="end">{fmt.number(c.indicators)}</Table.Td>
                  <Table.Td ta="end">{fmt.percent(c.completeness)}</Table.Td>
                  <Table.Td ta="end">{fmt.number(c.validated)}</Table.Td>
                  <Table.Td ta="end">
                    {c.late > 0 ? (
                      <Anchor
                        component={Link}
                        to={`${board(c.code)}?late=1`}
                        size="sm"
                        fw={600}
                        c="red.9"
                        aria-label={t('dashboards:overview.completeness.lateOf', { count: c.late, country: name })}
                      >
                        {fmt.number(c.late)}
                      </Anchor>
                    ) : (
                      fmt.number(0)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={board(c.code)}
                      size="sm"
                      aria-label={t('dashboards:overview.completeness.boardOf', { country: name })}
                    >
                      {t('dashboards:overview.completeness.board')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  )
}
