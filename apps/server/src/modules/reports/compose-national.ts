import {
  FOLLOW_UP_STATUSES,
  type FollowUpStatus,
  formatCellKey,
  implementationRate,
  type Locale,
  type NationalReportData,
  type ReportArea,
  type ReportRecommendation,
  type ReportStatistics,
  STANDARD_DIMENSIONS,
} from '@thbm/shared'
import { coverTail, htmlOr, methodBlocks, priorityLabel, sourceLabel, statusLabel } from './compose-common.ts'
import type { Block, ReportDocument, ReportTable } from './document.ts'
import {
  areaScoresChart,
  hasVictimStatus,
  indicatorScoresChart,
  statisticsIndex,
  victimsOverTimeChart,
} from './report-charts.ts'
import { type DisclosedFigure, type DisclosureMode, protectReport } from './report-disclosure.ts'
import {
  type ComposeContext,
  categoryLabel,
  changeText,
  composeContext,
  DASH,
  dimensionLabel,
  evidenceText,
  indicatorValueText,
  scoreText,
  sourcesText,
  withheldNote,
} from './report-format.ts'

const VICTIM_STATUSES = ['identified', 'presumed'] as const

/**
 * The national report of a country and round as a document in one locale: cover, contents, executive summary,
 * method, per area (score and change, chart, finding, indicator table), conclusions, new recommendations, follow-up
 * of earlier ones, and the statistics annex. `public` applies disclosure control with the report's threshold.
 */
export function composeNational(data: NationalReportData, locale: Locale, mode: DisclosureMode): ReportDocument {
  const report = protectReport(data, mode, data.method.disclosureThreshold)
  const ctx = composeContext(locale, report)
  const shown = report.data as NationalReportData
  const { t } = ctx
  const country = ctx.text(shown.country.names) || shown.country.code
  return {
    lang: locale,
    title: t('documents:national.title'),
    subtitle: country,
    cover: [t('documents:cover.country', { country }), ...coverTail(ctx, shown)],
    footer: t('documents:national.footer', { country, round: shown.round.name }),
    blocks: [
      { type: 'toc', title: t('documents:toc') },
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: t('documents:section.summary'), id: 'summary' },
      htmlOr(shown.summaryHtml, t('documents:empty.summary')),
      ...methodBlocks(ctx, shown),
      { type: 'heading', level: 1, text: t('documents:section.areas'), id: 'areas' },
      areaScoresChart(ctx, shown),
      ...shown.areas.flatMap((area) => areaBlocks(ctx, shown, area)),
      { type: 'heading', level: 1, text: t('documents:section.conclusions'), id: 'conclusions' },
      htmlOr(shown.conclusionHtml, t('documents:empty.conclusions')),
      ...recommendationBlocks(ctx, shown.newRecommendations),
      ...followUpBlocks(ctx, shown.followUps),
      { type: 'pageBreak' },
      ...annexBlocks(ctx, shown),
    ],
  }
}

function areaBlocks(ctx: ComposeContext, data: NationalReportData, area: ReportArea): Block[] {
  const { t } = ctx
  const title = ctx.text(area.title) || area.code
  const facts = [
    {
      label: t('documents:area.score'),
      value:
        area.score === null
          ? t('documents:area.notScored')
          : t('documents:area.scoreValue', { score: ctx.f.number(area.score) }),
    },
    area.previousRound && area.previousScore !== null && area.score !== null
      ? {
          label: t('documents:area.change', { round: area.previousRound.name }),
          value: changeText(ctx, area.score - area.previousScore),
        }
      : { label: t('documents:area.noPrevious'), value: t('documents:area.noPreviousValue') },
    {
      label: t('documents:area.indicators'),
      value: t('documents:area.indicatorsValue', {
        scored: area.scoredCount,
        notScored: area.notScoredCount,
        excluded: area.excludedCount,
      }),
    },
  ]
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: `${area.code} ${title}`, id: `area-${area.code}` },
    { type: 'keyValues', items: facts },
  ]
  if (area.cappedBy?.length)
    blocks.push({
      type: 'paragraph',
      text: t('assessments:scores.capped', { ceiling: data.method.redFlagCeiling, codes: area.cappedBy.join(', ') }),
      style: 'note',
    })
  const chart = indicatorScoresChart(ctx, area)
  if (chart) blocks.push(chart)
  blocks.push(htmlOr(area.findingHtml, t('documents:empty.finding')))
  if (area.indicators.length === 0) {
    blocks.push({ type: 'paragraph', text: t('documents:empty.indicators'), style: 'note' })
    return blocks
  }
  const figures: DisclosedFigure[] = []
  const rows = area.indicators.map((ind) => {
    const value = indicatorValueText(ctx, ind, data.country.code, data.round.id)
    figures.push(value)
    const indTitle = ctx.text(ind.title) || ind.code
    const confidence = ind.confidence && ['high', 'medium', 'low'].includes(ind.confidence) ? ind.confidence : null
    const score = ind.validated && !ind.noData ? scoreText(ctx, ind.normalisedScore) : DASH
    return [
      ind.code,
      ind.isRedFlag ? t('documents:value.redFlag', { title: indTitle }) : indTitle,
      value.text,
      confidence && ind.normalisedScore !== null
        ? `${score} · ${t('documents:value.confidence', { level: t(`assessments:confidence.${confidence}`) })}`
        : score,
      sourcesText(ind.sources),
      evidenceText(ctx, ind.evidence),
    ]
  })
  const table: ReportTable = {
    caption: t('documents:area.tableCaption', { area: title }),
    columns: [
      { label: t('documents:column.code') },
      { label: t('documents:column.indicator') },
      { label: t('documents:column.value') },
      { label: t('documents:column.score'), numeric: true },
      { label: t('documents:column.sources') },
      { label: t('documents:column.evidence') },
    ],
    rows,
    note: withheldNote(ctx, figures),
  }
  blocks.push({ type: 'table', table })
  return blocks
}

function recommendationBlocks(ctx: ComposeContext, recs: ReportRecommendation[]): Block[] {
  const { t } = ctx
  const heading: Block = {
    type: 'heading',
    level: 1,
    text: t('documents:section.recommendations'),
    id: 'recommendations',
  }
  if (recs.length === 0)
    return [heading, { type: 'paragraph', text: t('documents:empty.recommendations'), style: 'note' }]
  return [
    heading,
    {
      type: 'table',
      table: {
        caption: t('documents:section.recommendations'),
        columns: [
          { label: t('documents:column.recommendation') },
          { label: t('documents:column.priority') },
          { label: t('documents:column.madeBy') },
          { label: t('documents:column.institutions') },
          { label: t('documents:column.areas') },
        ],
        rows: recs.map((r) => [
          r.text,
          priorityLabel(ctx, r.priority),
          sourceLabel(ctx, r.source),
          r.institutions.join('; ') || DASH,
          r.areaCodes.join(', ') || DASH,
        ]),
      },
    },
  ]
}

function followUpBlocks(ctx: ComposeContext, recs: ReportRecommendation[]): Block[] {
  const { t } = ctx
  const heading: Block = { type: 'heading', level: 1, text: t('documents:section.followUp'), id: 'follow-up' }
  if (recs.length === 0) return [heading, { type: 'paragraph', text: t('documents:empty.followUps'), style: 'note' }]
  const statuses = recs
    .map((r) => r.status)
    .filter((s): s is FollowUpStatus => s !== null && (FOLLOW_UP_STATUSES as readonly string[]).includes(s))
  const rate = implementationRate(statuses)
  return [
    heading,
    {
      type: 'paragraph',
      text:
        rate.rate === null
          ? t('documents:followUp.noRate')
          : t('documents:followUp.rate', { rate: ctx.f.percent(rate.rate * 100), counted: rate.counted }),
    },
    {
      type: 'table',
      table: {
        caption: t('documents:section.followUp'),
        columns: [
          { label: t('documents:column.recommendation') },
          { label: t('documents:column.issuedIn') },
          { label: t('documents:column.priority') },
          { label: t('documents:column.status') },
          { label: t('documents:column.comment') },
        ],
        rows: recs.map((r) => [
          r.text,
          r.issuedRound.name,
          priorityLabel(ctx, r.priority),
          statusLabel(ctx, r.status),
          r.statusComment?.trim() || DASH,
        ]),
      },
    },
  ]
}

/** Categories of a dimension that occur in an indicator's cells, in the Handbook's order. */
function categoriesOf(stats: ReportStatistics, code: string, dim: string): string[] {
  const seen = new Set<string>()
  for (const c of stats.cells) {
    if (c.indicatorCode !== code) continue
    for (const part of c.key.split(';')) {
      const [d, cat] = part.split('=')
      if (d === dim && cat) seen.add(cat)
    }
  }
  const standard: readonly string[] = STANDARD_DIMENSIONS[dim as keyof typeof STANDARD_DIMENSIONS] ?? []
  return [...standard.filter((c) => seen.has(c)), ...[...seen].filter((c) => !standard.includes(c)).sort()]
}

/** The statistics annex: per person-count indicator, a chart over rounds and one table per breakdown dimension. */
function annexBlocks(ctx: ComposeContext, data: NationalReportData): Block[] {
  const { t } = ctx
  const stats = data.statistics
  const blocks: Block[] = [{ type: 'heading', level: 1, text: t('documents:section.statistics'), id: 'statistics' }]
  const withCells = stats.indicators.filter((i) => stats.cells.some((c) => c.indicatorCode === i.code))
  if (withCells.length === 0)
    return [...blocks, { type: 'paragraph', text: t('documents:empty.statistics'), style: 'note' }]
  const find = statisticsIndex(stats)
  const format = (n: number) => ctx.f.number(n, 0)
  for (const ind of withCells) {
    const title = ctx.text(ind.title) || ind.code
    blocks.push({ type: 'heading', level: 2, text: `${ind.code} ${title}`, id: `statistics-${ind.code}` })
    // With a victim status, the chart's data table gives identified, presumed and total per round.
    const chart = victimsOverTimeChart(ctx, data, ind)
    if (chart) blocks.push(chart)
    const status = hasVictimStatus(stats, ind.code)
    const rounds = stats.rounds.filter((r) =>
      stats.cells.some((c) => c.indicatorCode === ind.code && c.roundId === r.id),
    )
    const figure = (roundId: string, key: string): DisclosedFigure | null => {
      const cell = find(data.country.code, roundId, ind.code, key)
      return cell ? ctx.report.cell(cell, format) : null
    }
    const table = (caption: string, columns: ReportTable['columns'], rows: (string | DisclosedFigure | null)[][]) => {
      const figures = rows.flat().filter((c): c is DisclosedFigure => typeof c === 'object' && c !== null)
      blocks.push({
        type: 'table',
        table: {
          caption,
          columns,
          rows: rows.map((r) => r.map((c) => (typeof c === 'string' ? c : (c?.text ?? DASH)))),
          note: withheldNote(ctx, figures),
        },
      })
    }
    const total = { label: t('documents:column.total'), numeric: true }
    const tablesBefore = blocks.length
    for (const dim of ind.dimensions) {
      const cats = categoriesOf(stats, ind.code, dim)
      if (cats.length === 0) continue
      const caption = t('documents:statistics.byDimension', {
        title,
        dimension: dimensionLabel(ctx, dim).toLocaleLowerCase(ctx.locale),
      })
      const catColumns = cats.map((c) => ({ label: categoryLabel(ctx, dim, c), numeric: true }))
      if (status) {
        table(
          caption,
          [{ label: t('documents:column.round') }, { label: t('documents:column.victimStatus') }, ...catColumns, total],
          rounds.flatMap((r) =>
            VICTIM_STATUSES.map((s) => [
              r.name,
              t(`enums:dimensionCategory.victim_status.${s}`),
              ...cats.map((c) => figure(r.id, formatCellKey({ [dim]: c, victim_status: s }))),
              figure(r.id, `victim_status=${s}`),
            ]),
          ),
        )
      } else {
        table(
          caption,
          [{ label: t('documents:column.round') }, ...catColumns, total],
          rounds.map((r) => [r.name, ...cats.map((c) => figure(r.id, `${dim}=${c}`)), figure(r.id, 'total')]),
        )
      }
    }
    if (!chart && blocks.length === tablesBefore)
      table(
        title,
        [{ label: t('documents:column.round') }, total],
        rounds.map((r) => [r.name, figure(r.id, 'total')]),
      )
  }
  return blocks
}
