import { NumberInput, Table, Text } from '@mantine/core'
import { type ContentLocale, type IndicatorDoc, STANDARD_DIMENSIONS } from '@thbm/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnswerDraft } from './answer-draft.ts'
import { type BreakdownTable, categoryKey, tableSums, withCell } from './disaggregation.ts'
import { inputValue, toNumber } from './numbers.ts'
import { useLocalText } from './text.tsx'

interface Props {
  table: BreakdownTable
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  draft: AnswerDraft
  onChange: (patch: Partial<AnswerDraft>) => void
  readOnly: boolean
}

const isStandard = (d: string): d is keyof typeof STANDARD_DIMENSIONS => d in STANDARD_DIMENSIONS

/**
 * One dimension's breakdown: a number per category (unknown included), the sum of the categories and the total they
 * break down. When they do not add up, the table says so in words where it happens, and every input of the table
 * refers to that sentence (aria-describedby).
 */
export function BreakdownTableView({ table, indicator, baseLocale, draft, onChange, readOnly }: Props) {
  const { t } = useTranslation()
  const pick = useLocalText(baseLocale)
  const noteId = useId()
  const custom = indicator.customDimensions.find((d) => d.code === table.dimension)
  const dimName = isStandard(table.dimension)
    ? t(`enums:dimension.${table.dimension}`)
    : pick(custom?.label).text || table.dimension
  const categoryName = (c: string) =>
    isStandard(table.dimension)
      ? t(`enums:dimensionCategory.${table.dimension}.${c}`)
      : pick(custom?.categories.find((x) => x.code === c)?.label).text || c
  const statusName = table.status ? t(`rounds:breakdown.group.${table.status}`) : null
  const sums = tableSums(table, draft.cells, draft.number)
  const caption = statusName ? t('rounds:breakdown.captionStatus', { dimension: dimName, status: statusName }) : dimName

  return (
    <Table.ScrollContainer minWidth={260}>
      <Table
        className="breakdown-table"
        data-mismatch={sums.mismatch}
        verticalSpacing={4}
        withTableBorder
        aria-describedby={sums.mismatch ? noteId : undefined}
      >
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
          <Text span fw={600} size="sm" c="dark">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rounds:breakdown.category')}</Table.Th>
            <Table.Th scope="col" w={140}>
              {t('rounds:breakdown.number')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.categories.map((c) => {
            const key = categoryKey(table, c)
            return (
              <Table.Tr key={c}>
                <Table.Th scope="row" fw={400}>
                  {categoryName(c)}
                </Table.Th>
                <Table.Td>
                  <NumberInput
                    aria-label={t('rounds:breakdown.cellLabel', { category: categoryName(c), table: caption })}
                    aria-describedby={sums.mismatch ? noteId : undefined}
                    aria-invalid={sums.mismatch || undefined}
                    value={inputValue(draft.cells[key])}
                    onChange={(v) => onChange({ cells: withCell(draft.cells, key, toNumber(v)) })}
                    readOnly={readOnly}
                    variant={readOnly ? 'filled' : 'default'}
                    allowNegative={false}
                    allowDecimal={indicator.measurement.type === 'amount'}
                    hideControls
                    size="xs"
                  />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('rounds:breakdown.sum')}</Table.Th>
            <Table.Td>{sums.filled ? sums.sum : '—'}</Table.Td>
          </Table.Tr>
          {sums.total !== null && (
            <Table.Tr>
              <Table.Th scope="row">{t('rounds:breakdown.total')}</Table.Th>
              <Table.Td>{sums.total}</Table.Td>
            </Table.Tr>
          )}
          {sums.mismatch && (
            <Table.Tr>
              <Table.Td colSpan={2}>
                <Text id={noteId} size="sm" c="orange.9" fw={500} role="note">
                  {t('rounds:breakdown.mismatch', { sum: sums.sum, total: sums.total ?? 0 })}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  )
}
