import type { IndicatorDoc } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import type { EntryField } from './checks.ts'

/** The label of each part of the answer form, for the list of problems after a refused submission. */
export function useEntryLabels(indicator: Pick<IndicatorDoc, 'measurement'>): Record<EntryField, string> {
  const { t } = useTranslation()
  const rubric = indicator.measurement.type === 'rubric'
  return {
    'value.choice': rubric ? t('rounds:entry.level') : t('rounds:entry.answer'),
    'value.number': t('rounds:entry.number'),
    'value.numerator': t('rounds:entry.numerator'),
    'value.denominator': t('rounds:entry.denominator'),
    'value.text': t('rounds:entry.text'),
    value: t('rounds:summary.value'),
    noDataReason: t('rounds:entry.noDataReason'),
    narrative: t('rounds:entry.narrative'),
    partsExplanation: t('rounds:entry.partsExplanation'),
    changeComment: t('rounds:entry.changeComment'),
    cells: t('rounds:summary.breakdown'),
    evidence: t('rounds:evidence.heading'),
  }
}
