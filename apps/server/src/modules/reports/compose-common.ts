import {
  FOLLOW_UP_STATUSES,
  ORGANISATION_TYPES,
  RECOMMENDATION_PRIORITIES,
  RECOMMENDATION_SOURCES,
  type ReportData,
  type ReportMethod,
  ROUND_FOCUSES,
} from '@thbm/shared'
import type { Block } from './document.ts'
import { type ComposeContext, period } from './report-format.ts'

const includes = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value)

/** A label from a closed list in the catalogs, or the raw code when the value is not one we know. */
export function organisationType(ctx: ComposeContext, type: string): string {
  return includes(ORGANISATION_TYPES, type) ? ctx.t(`enums:organisationType.${type}`) : type
}
export function priorityLabel(ctx: ComposeContext, priority: string): string {
  return includes(RECOMMENDATION_PRIORITIES, priority) ? ctx.t(`recommendations:priority.label.${priority}`) : priority
}
export function statusLabel(ctx: ComposeContext, status: string | null): string {
  if (status === null) return ctx.t('recommendations:status.none')
  return includes(FOLLOW_UP_STATUSES, status) ? ctx.t(`recommendations:status.${status}`) : status
}
export function sourceLabel(ctx: ComposeContext, source: string): string {
  return includes(RECOMMENDATION_SOURCES, source) ? ctx.t(`recommendations:source.${source}`) : source
}

/** The round's thematic focus: a standard focus, the custom topic's own name, or "no focus". */
export function focusName(ctx: ComposeContext, method: ReportMethod): string {
  if (method.focusTopic === null) return ctx.t('rounds:focus.none')
  if (method.focusTopic === 'custom') return ctx.text(method.focusLabel) || ctx.t('rounds:focus.custom')
  return includes(ROUND_FOCUSES, method.focusTopic) ? ctx.t(`rounds:focus.${method.focusTopic}`) : method.focusTopic
}

/** Cover lines shared by both reports: round, period, date made, and which version (public or internal) this is. */
export function coverTail(ctx: ComposeContext, data: ReportData): string[] {
  return [
    ctx.t('documents:cover.round', { round: data.round.name }),
    ctx.t('documents:cover.period', period(ctx, data.round)),
    ctx.t('documents:cover.generated', { date: ctx.f.date(data.generatedAt) }),
    ctx.report.mode === 'public'
      ? ctx.t('documents:cover.public', { threshold: ctx.report.threshold })
      : ctx.t('documents:cover.internal'),
  ]
}

/** Rich text written in the tool, or a sentence saying none was written. */
export function htmlOr(html: string, empty: string): Block {
  return html.trim() ? { type: 'html', html } : { type: 'paragraph', text: empty, style: 'note' }
}

/** The method section: Handbook, focus, sources, data gaps, how scores are made, and the disclosure rule. */
export function methodBlocks(ctx: ComposeContext, data: ReportData, countries: string[] = []): Block[] {
  const { t } = ctx
  const method = data.method
  const { from, to } = period(ctx, data.round)
  const facts = [
    {
      label: t('documents:method.framework'),
      value: t('documents:method.frameworkValue', {
        name: ctx.text(method.frameworkName),
        label: method.frameworkLabel,
      }),
    },
    { label: t('documents:method.focus'), value: focusName(ctx, method) },
    { label: t('documents:method.period'), value: `${from} – ${to}` },
  ]
  if (countries.length) facts.push({ label: t('documents:method.countries'), value: countries.join(', ') })
  const sources = method.sourcesConsulted.map((s) => `${s.organisation} (${organisationType(ctx, s.organisationType)})`)
  const gaps = method.dataGaps.map((g) => `${g.indicatorCode}: ${g.text}`)
  const disclosure: Block[] = [
    {
      type: 'paragraph',
      text: t('documents:method.disclosure', { max: ctx.report.threshold - 1, threshold: ctx.report.threshold }),
    },
  ]
  if (ctx.report.mode === 'internal')
    disclosure.push({ type: 'paragraph', text: t('documents:method.internal'), style: 'note' })
  return [
    { type: 'heading', level: 1, text: t('documents:section.method'), id: 'method' },
    { type: 'keyValues', items: facts },
    { type: 'paragraph', text: t('documents:method.validated') },
    { type: 'heading', level: 2, text: t('documents:section.scoring'), id: 'method-scoring' },
    {
      type: 'list',
      items: [
        t('assessments:method.rubric'),
        t('assessments:method.yesPartialNo'),
        t('assessments:method.bands'),
        t('assessments:method.none'),
        t('assessments:scores.method', { ceiling: method.redFlagCeiling }),
      ],
    },
    { type: 'heading', level: 2, text: t('documents:section.sources'), id: 'method-sources' },
    sources.length
      ? { type: 'list', items: sources }
      : { type: 'paragraph', text: t('documents:empty.sources'), style: 'note' },
    { type: 'heading', level: 2, text: t('documents:section.dataGaps'), id: 'method-gaps' },
    gaps.length
      ? { type: 'list', items: gaps }
      : { type: 'paragraph', text: t('documents:empty.dataGaps'), style: 'note' },
    { type: 'heading', level: 2, text: t('documents:section.disclosure'), id: 'method-disclosure' },
    ...disclosure,
  ]
}
