import type { Locale, RegionalReportData } from '@thbm/shared'
import { coverTail, htmlOr, methodBlocks } from './compose-common.ts'
import type { Block, ReportDocument } from './document.ts'
import {
  areaComparisonChart,
  hasVictimStatus,
  heatmapChart,
  implementationChart,
  keyStatisticsChart,
  mainVictimsIndicator,
  statisticsIndex,
} from './report-charts.ts'
import { type DisclosedFigure, type DisclosureMode, protectReport } from './report-disclosure.ts'
import { type ComposeContext, changeText, composeContext, DASH, scoreText, withheldNote } from './report-format.ts'

/**
 * The regional report of a round as a document in one locale: cover, contents, summary, method, the heatmap of area
 * scores with its table, a comparison chart and finding per area, key statistics side by side and over time, the
 * implementation rate per country, and the regional conclusions and recommendations.
 */
export function composeRegional(data: RegionalReportData, locale: Locale, mode: DisclosureMode): ReportDocument {
  const report = protectReport(data, mode, data.method.disclosureThreshold)
  const ctx = composeContext(locale, report)
  const shown = report.data as RegionalReportData
  const { t } = ctx
  const names = shown.countries.map((c) => ctx.text(c.names) || c.code)
  return {
    lang: locale,
    title: t('documents:regional.title'),
    subtitle: shown.round.name,
    cover: [t('documents:cover.countries', { count: names.length, names: names.join(', ') }), ...coverTail(ctx, shown)],
    footer: t('documents:regional.footer', { round: shown.round.name }),
    blocks: [
      { type: 'toc', title: t('documents:toc') },
      { type: 'pageBreak' },
      { type: 'heading', level: 1, text: t('documents:section.summary'), id: 'summary' },
      htmlOr(shown.summaryHtml, t('documents:empty.summary')),
      ...methodBlocks(ctx, shown, names),
      ...heatmapBlocks(ctx, shown),
      { type: 'heading', level: 1, text: t('documents:section.comparison'), id: 'comparison' },
      ...shown.areas.flatMap((area): Block[] => [
        {
          type: 'heading',
          level: 2,
          text: `${area.code} ${ctx.text(area.title)}`.trim(),
          id: `comparison-${area.code}`,
        },
        areaComparisonChart(ctx, shown, area),
        htmlOr(area.findingHtml, t('documents:empty.finding')),
      ]),
      ...keyStatisticsBlocks(ctx, shown),
      ...implementationBlocks(ctx, shown),
      { type: 'heading', level: 1, text: t('documents:section.regionalConclusions'), id: 'conclusions' },
      htmlOr(shown.conclusionHtml, t('documents:empty.conclusions')),
    ],
  }
}

function heatmapBlocks(ctx: ComposeContext, data: RegionalReportData): Block[] {
  const { t } = ctx
  return [
    { type: 'heading', level: 1, text: t('documents:section.heatmap'), id: 'heatmap' },
    heatmapChart(ctx, data),
    {
      type: 'table',
      table: {
        caption: t('documents:section.heatmap'),
        columns: [
          { label: t('documents:column.country') },
          ...data.areas.map((a) => ({ label: `${a.code} ${ctx.text(a.title)}`.trim(), numeric: true })),
        ],
        rows: data.countries.map((c) => [
          ctx.text(c.names) || c.code,
          ...data.areas.map((a) => {
            const s = c.areaScores.find((x) => x.areaCode === a.code)
            if (!s || s.score === null) return scoreText(ctx, null)
            const score = scoreText(ctx, s.score)
            return s.previousScore === null ? score : `${score} (${changeText(ctx, s.score - s.previousScore)})`
          }),
        ]),
      },
    },
  ]
}

function keyStatisticsBlocks(ctx: ComposeContext, data: RegionalReportData): Block[] {
  const { t } = ctx
  const heading: Block = { type: 'heading', level: 1, text: t('documents:section.keyStatistics'), id: 'key-statistics' }
  const stats = data.statistics
  const main = mainVictimsIndicator(stats)
  if (!main || !stats.cells.some((c) => c.indicatorCode === main.code))
    return [heading, { type: 'paragraph', text: t('documents:empty.statistics'), style: 'note' }]
  const title = ctx.text(main.title) || main.code
  const find = statisticsIndex(stats)
  const format = (n: number) => ctx.f.number(n, 0)
  const keys = hasVictimStatus(stats, main.code)
    ? ['victim_status=identified', 'victim_status=presumed', 'total']
    : ['total']
  const figures: DisclosedFigure[] = []
  const rows = data.countries.map((c) => [
    ctx.text(c.names) || c.code,
    ...keys.map((key) => {
      const cell = find(c.code, data.round.id, main.code, key)
      if (!cell) return DASH
      const figure = ctx.report.cell(cell, format)
      figures.push(figure)
      return figure.text
    }),
  ])
  const columnOf = (key: string) =>
    key === 'total'
      ? t('documents:column.total')
      : key.endsWith('identified')
        ? t('enums:dimensionCategory.victim_status.identified')
        : t('enums:dimensionCategory.victim_status.presumed')
  return [
    heading,
    {
      type: 'table',
      table: {
        caption: t('documents:statistics.sideBySide', { title, round: data.round.name }),
        columns: [
          { label: t('documents:column.country') },
          ...keys.map((k) => ({ label: columnOf(k), numeric: true })),
        ],
        rows,
        note: withheldNote(ctx, figures),
      },
    },
    { type: 'heading', level: 2, text: t('documents:section.keyStatisticsOverTime'), id: 'key-statistics-time' },
    keyStatisticsChart(ctx, data, main),
  ]
}

function implementationBlocks(ctx: ComposeContext, data: RegionalReportData): Block[] {
  const { t } = ctx
  return [
    { type: 'heading', level: 1, text: t('documents:section.implementation'), id: 'implementation' },
    { type: 'paragraph', text: t('recommendations:implementation.method') },
    implementationChart(ctx, data),
    {
      type: 'table',
      table: {
        caption: t('documents:section.implementation'),
        columns: [
          { label: t('documents:column.country') },
          { label: t('documents:column.implementationRate'), numeric: true },
          { label: t('documents:column.followedUp'), numeric: true },
        ],
        rows: data.countries.map((c) => [
          ctx.text(c.names) || c.code,
          c.implementationRate === null ? t('documents:implementation.noRate') : ctx.f.percent(c.implementationRate),
          ctx.f.number(c.followedUp, 0),
        ]),
      },
    },
  ]
}
