import type { ContentLocale, IndicatorDoc } from '@thbm/shared'
import { useTranslation } from 'react-i18next'
import type { EntryField } from './checks.ts'
import { useLocalText } from './text.tsx'

/**
 * The label of each part of the answer form, for the list of problems after a refused submission: the same words
 * as the fields' own labels (the indicator's unit, numerator and denominator), so each link names its field.
 */
export function useEntryLabels(
  indicator: Pick<IndicatorDoc, 'measurement' | 'unit'>,
  baseLocale: ContentLocale = 'en',
): Record<EntryField, string> {
  const { t } = useTranslation()
  const pick = useLocalText(baseLocale)
  const m = indicator.measurement
  const rubric = m.type === 'rubric'
  const unit = m.type === 'amount' ? m.currency : m.type === 'count' ? pick(m.unit ?? indicator.unit).text : ''
  return {
    'value.choice': rubric ? t('rounds:entry.level') : t('rounds:entry.answer'),
    'value.number': unit ? t('rounds:entry.numberIn', { unit }) : t('rounds:entry.number'),
    'value.numerator': (m.type === 'percentage' && pick(m.numeratorLabel).text) || t('rounds:entry.numerator'),
    'value.denominator': (m.type === 'percentage' && pick(m.denominatorLabel).text) || t('rounds:entry.denominator'),
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
