import {
  type Locale,
  type LocalizedText,
  type ReportEvidence,
  type ReportIndicator,
  type ReportRoundRef,
  STANDARD_DIMENSIONS,
} from '@thbm/shared'
import { type Formatter, formatter, localize, type Translate, translator } from '../../i18n/translate.ts'
import type { DisclosedFigure, ProtectedReport } from './report-disclosure.ts'

/** A missing figure in a table: a dash, the same in every language. */
export const DASH = '–'
/** Longest text value shown in an indicator table before it is cut at a word boundary. */
const TEXT_LIMIT = 280

/** Everything a composer needs to write one report in one locale and disclosure mode. */
export interface ComposeContext {
  locale: Locale
  t: Translate
  f: Formatter
  /** A framework text in the locale, with fallback. */
  text: (value: LocalizedText | null | undefined) => string
  report: ProtectedReport
}

export function composeContext(locale: Locale, report: ProtectedReport): ComposeContext {
  return { locale, t: translator(locale), f: formatter(locale), text: (v) => localize(v, locale), report }
}

/** Cuts a long text at a word boundary, with an ellipsis. */
export function truncate(text: string, limit = TEXT_LIMIT): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= limit) return clean
  const cut = clean.slice(0, limit)
  const space = cut.lastIndexOf(' ')
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`
}

/** "1 January 2025 – 31 December 2025" in the locale. */
export function period(ctx: ComposeContext, round: ReportRoundRef): { from: string; to: string } {
  return { from: ctx.f.date(round.periodFrom), to: ctx.f.date(round.periodTo) }
}

/** A 0-100 score, or "not scored". */
export function scoreText(ctx: ComposeContext, score: number | null): string {
  return score === null ? ctx.t('documents:area.notScored') : ctx.f.number(score)
}

/** A change of score in points with its sign ("+7.5 points"). */
export function changeText(ctx: ComposeContext, change: number): string {
  const signed = new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' })
  return ctx.t('documents:area.changeValue', { change: signed.format(change) })
}

/**
 * An indicator's value as the report shows it, by measurement type: levels and yes/partially/no through their labels,
 * counts, amounts and percentages formatted for the locale (with unit or currency), long texts cut, and "no data" with
 * its reason. Counts of persons and rates go through disclosure control.
 */
export function indicatorValueText(
  ctx: ComposeContext,
  ind: ReportIndicator,
  countryCode: string,
  roundId: string,
): DisclosedFigure {
  const plain = (text: string): DisclosedFigure => ({ text, value: null, suppressed: false })
  if (!ind.validated) return plain(ctx.t('documents:value.notValidated'))
  if (ind.noData)
    return plain(
      ind.noDataReason?.trim()
        ? ctx.t('documents:value.noData', { reason: truncate(ind.noDataReason, 200) })
        : ctx.t('documents:value.noDataNoReason'),
    )
  const v = ind.value
  const notReported = plain(ctx.t('documents:value.notReported'))
  if (!v) return notReported
  const m = ind.measurement
  switch (m.type) {
    case 'yes_partial_no':
      return v.choice === 'yes' || v.choice === 'partial' || v.choice === 'no'
        ? plain(ctx.t(`assessments:score.choice.${v.choice}`))
        : notReported
    case 'rubric': {
      const level = Number(v.choice)
      if (v.choice === null || !Number.isInteger(level)) return notReported
      const descriptor = ctx.text(m.levels[level])
      return plain(descriptor ? ctx.t('documents:value.level', { level, descriptor }) : String(level))
    }
    case 'count': {
      if (v.number === null) return notReported
      const unit = ctx.text(m.unit)
      const withUnit = (n: number) => (unit ? `${ctx.f.number(n, 0)} ${unit}` : ctx.f.number(n, 0))
      if (!ind.personCount) return { text: withUnit(v.number), value: v.number, suppressed: false }
      const figure = ctx.report.indicatorValue(countryCode, roundId, ind, v.number, withUnit)
      return figure.suppressed && unit ? { ...figure, text: `${figure.text} ${unit}` } : figure
    }
    case 'amount':
      return v.number === null
        ? notReported
        : { text: ctx.f.money(v.number, m.currency), value: v.number, suppressed: false }
    case 'percentage': {
      if (v.numerator !== null && v.denominator !== null && v.denominator > 0) {
        const rate = (v.numerator / v.denominator) * 100
        const numerator = v.numerator
        const denominator = v.denominator
        return ctx.report.rate(numerator, rate, (r) =>
          ctx.t('documents:value.percentage', {
            rate: ctx.f.percent(r),
            numerator: ctx.f.number(numerator),
            denominator: ctx.f.number(denominator),
          }),
        )
      }
      return v.number === null ? notReported : ctx.report.rate(null, v.number, (r) => ctx.f.percent(r))
    }
    case 'text':
      return v.text?.trim() ? plain(truncate(v.text)) : notReported
    default:
      return m satisfies never
  }
}

/** The organisations an indicator's figures came from, each once. */
export function sourcesText(sources: ReportIndicator['sources']): string {
  const names = [...new Set(sources.map((s) => s.organisation))]
  return names.length ? names.join('; ') : DASH
}

/** The evidence list of an indicator as one cell (internal items are marked; public data has none). */
export function evidenceText(ctx: ComposeContext, evidence: ReportEvidence[]): string {
  if (evidence.length === 0) return ctx.t('documents:evidence.none')
  return evidence
    .map((e) => {
      let text = e.title
      if (e.citation) text = `${text}: ${e.citation}`
      else if (e.url) text = `${text} (${e.url})`
      if (e.isFile) text = ctx.t('documents:evidence.file', { title: text })
      return e.internal ? ctx.t('documents:evidence.internal', { title: text }) : text
    })
    .join('; ')
}

/** Whether a table holding these figures needs the disclosure footnote. */
export function withheldNote(ctx: ComposeContext, figures: { suppressed: boolean }[]): string | undefined {
  if (!figures.some((f) => f.suppressed)) return undefined
  return ctx.t('documents:table.withheld', {
    max: ctx.report.threshold - 1,
    threshold: ctx.report.threshold,
  })
}

/** A breakdown dimension's name: standard ones from the catalog, custom ones by their code. */
export function dimensionLabel(ctx: ComposeContext, dim: string): string {
  return dim in STANDARD_DIMENSIONS ? ctx.t(`enums:dimension.${dim}`) : dim
}

/** A category of a breakdown dimension, translated when it is a standard one. */
export function categoryLabel(ctx: ComposeContext, dim: string, cat: string): string {
  const standard = (STANDARD_DIMENSIONS as Record<string, readonly string[]>)[dim] ?? []
  return standard.includes(cat) ? ctx.t(`enums:dimensionCategory.${dim}.${cat}`) : cat
}
