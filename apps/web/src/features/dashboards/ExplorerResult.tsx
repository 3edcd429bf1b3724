import { Anchor, Stack, Table, Text } from '@mantine/core'
import type { IndicatorExplorer } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Chart } from '../../components/Chart.tsx'
import { useDates } from '../rounds/dates.ts'
import { explorerSpec, hasValues, sortRows } from './explorer-charts.ts'
import { explorerValue } from './explorer-values.ts'

interface Props {
  explorer: IndicatorExplorer
  title: string
  countryName: (code: string) => string
}

/** The indicator over rounds (chart) and every assessment behind it (table), with the code it had in each round. */
export function ExplorerResult({ explorer, title, countryName }: Props) {
  const { t, i18n } = useTranslation()
  const fmt = useDates()
  const spec = explorerSpec(explorer, title, countryName, t, i18n.language)
  const rows = sortRows(explorer.rows, countryName, i18n.language)
  return (
    <Stack gap="md">
      {hasValues(spec) ? <Chart spec={spec} /> : <Text size="sm">{t('dashboards:explorer.noChart')}</Text>}
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder verticalSpacing="xs" data-testid="explorer-table">
          <Table.Caption>{t('dashboards:explorer.table.caption', { code: explorer.code })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboards:common.round')}</Table.Th>
              <Table.Th scope="col">{t('dashboards:common.country')}</Table.Th>
              <Table.Th scope="col">{t('dashboards:explorer.table.code')}</Table.Th>
              <Table.Th scope="col">{t('dashboards:explorer.table.value')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('dashboards:common.score')}
              </Table.Th>
              <Table.Th scope="col">{t('dashboards:explorer.table.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.round.id}/${r.countryCode}/${r.codeInRound}`}>
                <Table.Th scope="row" fw={500}>
                  {r.round.name}
                </Table.Th>
                <Table.Td>
                  <Anchor component={Link} to={`/dashboards/countries/${r.countryCode}`} size="sm">
                    {countryName(r.countryCode)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {r.codeInRound}
                  {r.codeInRound !== explorer.code && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {t('dashboards:explorer.table.earlierCode')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{explorerValue(r, explorer.measurementType, t, fmt.number)}</Table.Td>
                <Table.Td ta="end">
                  {r.normalisedScore === null ? t('dashboards:common.noScore') : fmt.number(r.normalisedScore, 1)}
                </Table.Td>
                <Table.Td>{t(`assessments:status.${r.status}`, { defaultValue: r.status })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}
