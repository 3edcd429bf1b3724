import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../i18n/format.ts'

type Band = { from: number; to: number; score: number }

/** Target bands as a table (from, up to, score), or a line saying there are none. */
export function TargetBandsTable({ bands }: { bands: Band[] | undefined }) {
  const { t } = useTranslation()
  const fmt = useFormat()
  if (!bands?.length)
    return (
      <Text size="sm" c="dimmed">
        {t('handbook:measure.noBands')}
      </Text>
    )
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table verticalSpacing={4} withTableBorder>
        <Table.Caption>{t('handbook:measure.bands')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('handbook:measure.bandFrom')}</Table.Th>
            <Table.Th scope="col">{t('handbook:measure.bandTo')}</Table.Th>
            <Table.Th scope="col">{t('handbook:measure.bandScore')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bands.map((b) => (
            <Table.Tr key={`${b.from}-${b.to}`}>
              <Table.Td>{fmt.number(b.from)}</Table.Td>
              <Table.Td>{fmt.number(b.to)}</Table.Td>
              <Table.Td>{fmt.number(b.score)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
