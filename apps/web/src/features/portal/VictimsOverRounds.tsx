import { Stack, Table, Text } from '@mantine/core'
import type { ChartSpec, PublicReportView } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { Chart } from '../../components/Chart.tsx'
import { cellFinder, localized, victimsIndicator } from './portal-data.ts'

const KEYS = ['victim_status=identified', 'victim_status=presumed', 'total'] as const

/**
 * Persons identified and presumed (and in total) over the rounds, from the latest publication's statistics, with
 * disclosure control as published: a withheld figure is a gap in the chart, and the table shows its symbol
 * ("<5" or "x") with a footnote that states the rule. Renders nothing when no indicator has the split.
 */
export function VictimsOverRounds({ view, country }: { view: PublicReportView; country: string }) {
  const { t, i18n } = useTranslation()
  const indicator = victimsIndicator(view)
  if (!indicator || !view.country) return null
  const locale = i18n.language
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const find = cellFinder(view)
  const code = view.country.code
  const rounds = view.statistics.rounds
  const cells = KEYS.map((key) => rounds.map((r) => find(code, r.id, indicator.code, key)))
  const text = (cell: (typeof cells)[number][number]) =>
    cell?.display ?? (cell?.value != null ? number.format(cell.value) : '–')
  const names = [
    t('enums:dimensionCategory.victim_status.identified'),
    t('enums:dimensionCategory.victim_status.presumed'),
    t('portal:country.total'),
  ]
  const title = t('portal:country.victimsChart', { title: localized(indicator.title, locale).text, country })
  // The alt text reads the published symbols ("<5", "x") where the chart only has gaps.
  const described = rounds.map(
    (r, i) => `${r.name} – ${names.map((n, k) => `${n} ${text(cells[k]?.[i] ?? null)}`).join(', ')}`,
  )
  const spec: ChartSpec = {
    kind: 'lines',
    title,
    categoryLabel: t('portal:country.round'),
    valueLabel: t('portal:country.persons'),
    categories: rounds.map((r) => r.name),
    series: names.map((name, k) => ({ name, values: (cells[k] ?? []).map((c) => c?.value ?? null) })),
    digits: 0,
    noDataLabel: t('portal:country.notShown'),
    description: `${title}: ${described.join('; ')}.`,
  }
  const footnoteId = `victims-footnote-${indicator.code}`
  return (
    <Stack gap="md">
      <Chart spec={spec} />
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder striped verticalSpacing={4} aria-describedby={footnoteId} data-testid="victims-table">
          <Table.Caption>{title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('portal:country.round')}</Table.Th>
              {names.map((n) => (
                <Table.Th key={n} scope="col" ta="end">
                  {n}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.map((r, i) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={500}>
                  {r.name}
                </Table.Th>
                {KEYS.map((key, k) => (
                  <Table.Td key={key} ta="end">
                    {text(cells[k]?.[i] ?? null)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text id={footnoteId} size="sm" c="dimmed">
        {t('portal:disclosure.footnote', {
          max: view.disclosureThreshold - 1,
          threshold: view.disclosureThreshold,
        })}
      </Text>
    </Stack>
  )
}
