import { NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ContentLocale, IndicatorDoc } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import { fieldId } from '../../components/FormErrorSummary.tsx'
import type { AnswerDraft } from './answer-draft.ts'
import { BreakdownTableView } from './BreakdownTable.tsx'
import { breakdownLayout, statusTotalKey, withCell } from './disaggregation.ts'
import { inputValue, toNumber } from './numbers.ts'

export interface BreakdownFieldsProps {
  indicator: IndicatorDoc
  baseLocale: ContentLocale
  draft: AnswerDraft
  onChange: (patch: Partial<AnswerDraft>) => void
  readOnly: boolean
}

/**
 * The breakdowns of an answer: one table per dimension. When victim status is a dimension, identified and presumed
 * victims each get their own total and tables (never one merged total).
 */
export function BreakdownFields(props: BreakdownFieldsProps) {
  const { t } = useTranslation()
  const { indicator, draft, onChange, readOnly } = props
  const layout = breakdownLayout(indicator)
  if (layout.tables.length === 0 && !layout.statuses) return null
  const tablesOf = (status: string | null) => layout.tables.filter((tb) => tb.status === status)
  const grid = (status: string | null) => (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      {tablesOf(status).map((table) => (
        <BreakdownTableView key={table.id} table={table} {...props} />
      ))}
    </SimpleGrid>
  )
  if (!layout.statuses) {
    return (
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {draft.number === null ? t('rounds:breakdown.introNoTotal') : t('rounds:breakdown.intro')}
        </Text>
        {grid(null)}
      </Stack>
    )
  }
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('rounds:breakdown.statusIntro')}
      </Text>
      {layout.statuses.map((status) => {
        const key = statusTotalKey(status)
        return (
          <Paper key={status} withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section">
            <Stack gap="md">
              <Title order={3} size="h5">
                {t(`rounds:breakdown.group.${status}`)}
              </Title>
              <NumberInput
                id={fieldId('answer', `cells.${key}`)}
                label={t(`rounds:breakdown.groupTotal.${status}`)}
                value={inputValue(draft.cells[key])}
                onChange={(v) => onChange({ cells: withCell(draft.cells, key, toNumber(v)) })}
                readOnly={readOnly}
                variant={readOnly ? 'filled' : 'default'}
                allowNegative={false}
                allowDecimal={false}
                maw={280}
              />
              {tablesOf(status).length > 0 && grid(status)}
            </Stack>
          </Paper>
        )
      })}
    </Stack>
  )
}
