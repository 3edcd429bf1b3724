import type { IndicatorDoc } from '@thbm/shared'
import type { TFunction } from 'i18next'
import type { AnswerDraft } from './answer-draft.ts'
import { breakdownLayout, statusTotalKey } from './disaggregation.ts'
import { percentage } from './numbers.ts'

type Ind = Pick<IndicatorDoc, 'measurement' | 'disaggregations' | 'customDimensions'>

/** The answer's value in one short line (for source cards and the conflict comparison). */
export function summarizeValue(ind: Ind, d: AnswerDraft, t: TFunction, number: (n: number) => string): string {
  if (d.noData) return t('rounds:summary.noData')
  const m = ind.measurement
  const statuses = breakdownLayout(ind).statuses
  if (statuses && m.type !== 'percentage') {
    const parts = statuses
      .filter((s) => d.cells[statusTotalKey(s)] !== undefined)
      .map((s) => `${t(`rounds:breakdown.group.${s}`)}: ${number(d.cells[statusTotalKey(s)] ?? 0)}`)
    return parts.length ? parts.join(', ') : t('rounds:summary.empty')
  }
  switch (m.type) {
    case 'rubric':
      return d.choice === null ? t('rounds:summary.empty') : t('rounds:entry.levelN', { level: d.choice })
    case 'yes_partial_no':
      return d.choice === null
        ? t('rounds:summary.empty')
        : t(`rounds:entry.choice.${d.choice as 'yes' | 'partial' | 'no'}`)
    case 'count':
    case 'amount':
      return d.number === null ? t('rounds:summary.empty') : number(d.number)
    case 'percentage': {
      const share = percentage(d.numerator, d.denominator)
      if (d.numerator === null && d.denominator === null) return t('rounds:summary.empty')
      return t('rounds:summary.percentage', {
        numerator: d.numerator === null ? '—' : number(d.numerator),
        denominator: d.denominator === null ? '—' : number(d.denominator),
        percent: share === null ? '—' : `${number(Math.round(share * 10) / 10)}%`,
      })
    }
    case 'text':
      return d.text.trim() ? truncate(d.text.trim(), 80) : t('rounds:summary.empty')
  }
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** One line per part of two answers that differ, for choosing between them after a conflict. */
export function answerDifferences(
  ind: Ind,
  mine: AnswerDraft,
  theirs: AnswerDraft,
  t: TFunction,
  number: (n: number) => string,
): { label: string; mine: string; theirs: string }[] {
  const rows: { label: string; mine: string; theirs: string }[] = []
  const add = (label: string, a: string, b: string) => {
    if (a !== b) rows.push({ label, mine: a, theirs: b })
  }
  const text = (s: string) => (s.trim() ? truncate(s.trim(), 120) : t('rounds:summary.emptyText'))
  add(t('rounds:summary.value'), summarizeValue(ind, mine, t, number), summarizeValue(ind, theirs, t, number))
  const cells = (d: AnswerDraft) => JSON.stringify(Object.entries(d.cells).sort(([a], [b]) => a.localeCompare(b)))
  if (cells(mine) !== cells(theirs))
    rows.push({
      label: t('rounds:summary.breakdown'),
      mine: t('rounds:summary.cells', { count: Object.keys(mine.cells).length }),
      theirs: t('rounds:summary.cells', { count: Object.keys(theirs.cells).length }),
    })
  add(t('rounds:entry.noDataReason'), text(mine.noDataReason), text(theirs.noDataReason))
  add(t('rounds:entry.partsExplanation'), text(mine.partsExplanation), text(theirs.partsExplanation))
  add(t('rounds:entry.changeComment'), text(mine.changeComment), text(theirs.changeComment))
  add(t('rounds:entry.narrative'), text(mine.narrative), text(theirs.narrative))
  const evidence = (d: AnswerDraft) => d.evidence.map((e) => e.title).join(', ') || t('rounds:evidence.none')
  add(t('rounds:evidence.heading'), evidence(mine), evidence(theirs))
  return rows
}
