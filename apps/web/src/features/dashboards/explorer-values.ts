import type { IndicatorExplorer } from '@thbm/shared'
import type { TFunction } from 'i18next'

type Row = IndicatorExplorer['rows'][number]

/** A row's consolidated value in words, the way the answer forms show it. */
export function explorerValue(
  row: Row,
  measurementType: string,
  t: TFunction,
  number: (n: number, digits?: number) => string,
): string {
  if (row.noData) return t('rounds:summary.noData')
  switch (measurementType) {
    case 'rubric':
      return row.choice === null ? t('rounds:summary.empty') : t('rounds:entry.levelN', { level: row.choice })
    case 'yes_partial_no':
      return row.choice === 'yes' || row.choice === 'partial' || row.choice === 'no'
        ? t(`rounds:entry.choice.${row.choice}`)
        : t('rounds:summary.empty')
    case 'percentage': {
      if (row.numerator === null || row.denominator === null) return t('rounds:summary.empty')
      const share = row.denominator === 0 ? null : (row.numerator / row.denominator) * 100
      return t('rounds:summary.percentage', {
        numerator: number(row.numerator),
        denominator: number(row.denominator),
        percent: share === null ? '—' : `${number(share, 1)}%`,
      })
    }
    case 'count':
    case 'amount':
      // A count broken down by victim status has no single figure; its breakdown is on the country dashboard.
      return row.number === null ? t('dashboards:explorer.table.breakdown') : number(row.number)
    default:
      return row.number === null ? t('rounds:summary.empty') : number(row.number)
  }
}
