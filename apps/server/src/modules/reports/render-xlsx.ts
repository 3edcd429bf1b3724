import {
  CONFIDENCE_LEVELS,
  type Locale,
  MEASUREMENT_TYPES,
  type NationalReportData,
  parseCellKey,
  type RegionalReportData,
  type ReportData,
  type ReportIndicator,
} from '@thbm/shared'
import ExcelJS, { type Workbook } from 'exceljs'
import { toCellText } from '../frameworks/xlsx/cell-text.ts'
import { focusName, priorityLabel, sourceLabel, statusLabel } from './compose-common.ts'
import { type DisclosureMode, protectReport } from './report-disclosure.ts'
import { type ComposeContext, categoryLabel, composeContext, dimensionLabel, period } from './report-format.ts'

/** A cell: a number stays a number (so it sums and sorts), text is escaped for the file, null is empty. */
type Cell = string | number | null

interface Column {
  header: string
  /** Long text that wraps in a wider column. */
  wide?: boolean
}

interface Table {
  name: string
  columns: Column[]
  rows: Cell[][]
}

const MAX_WIDTH = 60
const WIDE_WIDTH = 50

/**
 * The data annex of a report as a workbook of tidy tables, in one locale: one row per country, round and indicator
 * (national), area scores, statistics in long format, recommendations (national) or implementation rates (regional),
 * and an About sheet with the method and the disclosure rule. Numbers are number cells. In public mode counts of
 * persons go through the same disclosure control as the documents: withheld figures are the text "<5" or "x".
 */
export async function renderXlsx(
  data: ReportData,
  locale: Locale,
  mode: DisclosureMode,
  threshold: number,
): Promise<Buffer> {
  const ctx = composeContext(locale, protectReport(data, mode, threshold))
  const protectedData = ctx.report.data
  const tables: Table[] =
    protectedData.kind === 'national'
      ? [
          indicatorsTable(ctx, protectedData),
          areaScoresTable(ctx, protectedData),
          statisticsTable(ctx, protectedData),
          recommendationsTable(ctx, protectedData),
        ]
      : [
          areaScoresTable(ctx, protectedData),
          statisticsTable(ctx, protectedData),
          implementationTable(ctx, protectedData),
        ]
  const workbook = new ExcelJS.Workbook()
  workbook.creator = ctx.t('common:app.name')
  // The workbook's properties carry when the data was taken, not when the file was written.
  workbook.created = new Date(data.generatedAt)
  workbook.modified = workbook.created
  for (const table of tables) addTable(workbook, table)
  addAbout(workbook, ctx, protectedData)
  const written = await workbook.xlsx.writeBuffer()
  return Buffer.isBuffer(written) ? written : Buffer.from(written)
}

/** A sheet with a bold, frozen header row, an autofilter and widths that fit the content. */
function addTable(workbook: Workbook, table: Table): void {
  const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = table.columns.map((column, i) => ({
    header: toCellText(column.header),
    width: columnWidth(
      column,
      table.rows.map((row) => row[i] ?? null),
    ),
    style: { alignment: { vertical: 'top', wrapText: column.wide === true } },
  }))
  for (const row of table.rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? toCellText(cell) : cell)))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'top', wrapText: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } }
}

function columnWidth(column: Column, cells: Cell[]): number {
  if (column.wide) return WIDE_WIDTH
  const longest = Math.max(column.header.length, ...cells.map((c) => (c === null ? 0 : String(c).length)))
  return Math.min(Math.max(longest + 2, 8), MAX_WIDTH)
}

/** Sheet names may not hold []:*?/\ and are at most 31 characters long. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)
}

const yesNo = (ctx: ComposeContext, value: boolean) =>
  value ? ctx.t('documents:xlsx.yes') : ctx.t('documents:xlsx.no')
const includes = (list: readonly string[], value: string | null): value is string =>
  value !== null && list.includes(value)

function indicatorsTable(ctx: ComposeContext, data: NationalReportData): Table {
  const { t } = ctx
  const country = ctx.text(data.country.names)
  const { from, to } = period(ctx, data.round)
  const rows = data.areas.flatMap((area) =>
    area.indicators.map((ind): Cell[] => {
      const { value, unit } = indicatorValue(ctx, data, ind)
      const hasFigures = ind.validated && !ind.noData
      return [
        data.country.code,
        country,
        data.round.name,
        `${from} – ${to}`,
        area.code,
        ind.code,
        ctx.text(ind.title),
        includes(MEASUREMENT_TYPES, ind.measurement.type)
          ? t(`enums:measurementType.${ind.measurement.type}`)
          : ind.measurement.type,
        value,
        unit,
        yesNo(ctx, ind.noData),
        ind.noData ? (ind.noDataReason ?? null) : null,
        hasFigures ? ind.score : null,
        hasFigures ? ind.normalisedScore : null,
        includes(CONFIDENCE_LEVELS, ind.confidence) ? t(`assessments:confidence.${ind.confidence}`) : ind.confidence,
        [...new Set(ind.sources.map((s) => s.organisation))].join('; '),
      ]
    }),
  )
  return {
    name: t('documents:xlsx.sheet.indicators'),
    columns: [
      { header: t('documents:xlsx.column.countryCode') },
      { header: t('documents:column.country') },
      { header: t('documents:column.round') },
      { header: t('documents:method.period') },
      { header: t('documents:xlsx.column.areaCode') },
      { header: t('documents:column.code') },
      { header: t('documents:column.indicator'), wide: true },
      { header: t('documents:xlsx.column.measurement') },
      { header: t('documents:column.value'), wide: true },
      { header: t('documents:xlsx.column.unit') },
      { header: t('documents:xlsx.column.noData') },
      { header: t('documents:xlsx.column.noDataReason'), wide: true },
      { header: t('documents:xlsx.column.score') },
      { header: t('documents:column.score') },
      { header: t('documents:xlsx.column.confidence') },
      { header: t('documents:column.sources'), wide: true },
    ],
    rows,
  }
}

/**
 * An indicator's value as a cell: numbers as numbers (a percentage as its rate, 0-100), levels and yes/partially/no
 * as their labels, texts in full; counts of persons and rates through disclosure control. Empty when there is none.
 */
function indicatorValue(
  ctx: ComposeContext,
  data: NationalReportData,
  ind: ReportIndicator,
): { value: Cell; unit: Cell } {
  const m = ind.measurement
  const unit = m.type === 'count' ? ctx.text(m.unit) || null : m.type === 'amount' ? m.currency : null
  const v = ind.value
  if (!ind.validated) return { value: ctx.t('documents:value.notValidated'), unit }
  if (ind.noData || !v) return { value: null, unit }
  const shown = (figure: { text: string; value: number | null; suppressed: boolean }): Cell =>
    figure.suppressed ? figure.text : figure.value
  switch (m.type) {
    case 'yes_partial_no':
      return {
        value: includes(['yes', 'partial', 'no'], v.choice) ? ctx.t(`assessments:score.choice.${v.choice}`) : null,
        unit,
      }
    case 'rubric': {
      const level = Number(v.choice)
      if (v.choice === null || !Number.isInteger(level)) return { value: null, unit }
      const descriptor = ctx.text(m.levels[level])
      return { value: descriptor ? ctx.t('documents:value.level', { level, descriptor }) : level, unit }
    }
    case 'count':
      if (v.number === null) return { value: null, unit }
      if (!ind.personCount) return { value: v.number, unit }
      return { value: shown(ctx.report.indicatorValue(data.country.code, data.round.id, ind, v.number, String)), unit }
    case 'amount':
      return { value: v.number, unit }
    case 'percentage': {
      const unitPercent = '%'
      if (v.numerator !== null && v.denominator !== null && v.denominator > 0) {
        const rate = (v.numerator / v.denominator) * 100
        return { value: shown(ctx.report.rate(v.numerator, rate, String)), unit: unitPercent }
      }
      return { value: v.number === null ? null : shown(ctx.report.rate(null, v.number, String)), unit: unitPercent }
    }
    case 'text':
      return { value: v.text?.trim() ? v.text : null, unit }
    default:
      return m satisfies never
  }
}

function areaScoresTable(ctx: ComposeContext, data: ReportData): Table {
  const { t } = ctx
  const columns: Column[] = [
    { header: t('documents:xlsx.column.countryCode') },
    { header: t('documents:column.country') },
    { header: t('documents:column.round') },
    { header: t('documents:xlsx.column.areaCode') },
    { header: t('documents:xlsx.column.area') },
    { header: t('documents:area.score') },
    { header: t('documents:xlsx.column.previousScore') },
  ]
  const name = t('documents:xlsx.sheet.areaScores')
  if (data.kind === 'national') {
    return {
      name,
      columns: [...columns, { header: t('documents:xlsx.column.previousRound') }],
      rows: data.areas.map((area) => [
        data.country.code,
        ctx.text(data.country.names),
        data.round.name,
        area.code,
        ctx.text(area.title),
        area.score,
        area.previousScore,
        area.previousRound?.name ?? null,
      ]),
    }
  }
  // A regional report does not say which round each previous score is from, so that column is left out.
  const titles = new Map(data.areas.map((a) => [a.code, ctx.text(a.title)]))
  return {
    name,
    columns,
    rows: data.countries.flatMap((country) =>
      country.areaScores.map((s) => [
        country.code,
        ctx.text(country.names),
        data.round.name,
        s.areaCode,
        titles.get(s.areaCode) ?? s.areaCode,
        s.score,
        s.previousScore,
      ]),
    ),
  }
}

/** The statistics in long format: one row per figure, its victim status and breakdown in columns of their own. */
function statisticsTable(ctx: ComposeContext, data: ReportData): Table {
  const { t } = ctx
  const stats = data.statistics
  const indicatorOrder = new Map(stats.indicators.map((ind, i) => [ind.code, i]))
  const titles = new Map(stats.indicators.map((ind) => [ind.code, ctx.text(ind.title)]))
  const roundOrder = new Map(stats.rounds.map((r, i) => [r.id, i]))
  const roundNames = new Map(stats.rounds.map((r) => [r.id, r.name]))
  const countryNames = new Map(
    data.kind === 'national'
      ? [[data.country.code, ctx.text(data.country.names)]]
      : data.countries.map((c) => [c.code, ctx.text(c.names)]),
  )
  const cells = [...stats.cells].sort(
    (a, b) =>
      (indicatorOrder.get(a.indicatorCode) ?? 1e9) - (indicatorOrder.get(b.indicatorCode) ?? 1e9) ||
      a.countryCode.localeCompare(b.countryCode) ||
      (roundOrder.get(a.roundId) ?? 1e9) - (roundOrder.get(b.roundId) ?? 1e9),
  )
  const rows = cells.map((cell): Cell[] => {
    const parts = cell.key === 'total' ? new Map<string, string>() : (parseCellKey(cell.key) ?? new Map())
    const status = parts.get('victim_status')
    parts.delete('victim_status')
    const dims = [...parts.keys()]
    const figure = ctx.report.cell(cell, String)
    return [
      cell.countryCode,
      countryNames.get(cell.countryCode) ?? cell.countryCode,
      roundNames.get(cell.roundId) ?? cell.roundId,
      cell.indicatorCode,
      titles.get(cell.indicatorCode) ?? cell.indicatorCode,
      status ? categoryLabel(ctx, 'victim_status', status) : null,
      dims.length ? dims.map((d) => dimensionLabel(ctx, d)).join(' × ') : null,
      dims.length ? dims.map((d) => categoryLabel(ctx, d, parts.get(d) ?? '')).join(' × ') : null,
      figure.suppressed ? figure.text : cell.value,
    ]
  })
  return {
    name: t('documents:xlsx.sheet.statistics'),
    columns: [
      { header: t('documents:xlsx.column.countryCode') },
      { header: t('documents:column.country') },
      { header: t('documents:column.round') },
      { header: t('documents:column.code') },
      { header: t('documents:column.indicator'), wide: true },
      { header: t('documents:column.victimStatus') },
      { header: t('documents:xlsx.column.dimension') },
      { header: t('documents:xlsx.column.category') },
      { header: t('documents:column.value') },
    ],
    rows,
  }
}

function recommendationsTable(ctx: ComposeContext, data: NationalReportData): Table {
  const { t } = ctx
  const recs = [
    ...data.newRecommendations.map((rec) => ({ rec, type: t('documents:section.recommendations') })),
    ...data.followUps.map((rec) => ({ rec, type: t('documents:section.followUp') })),
  ]
  return {
    name: t('documents:xlsx.sheet.recommendations'),
    columns: [
      { header: t('documents:xlsx.column.type') },
      { header: t('documents:column.recommendation'), wide: true },
      { header: t('documents:column.priority') },
      { header: t('documents:column.madeBy') },
      { header: t('documents:column.institutions'), wide: true },
      { header: t('documents:column.areas') },
      { header: t('documents:column.issuedIn') },
      { header: t('documents:column.status') },
      { header: t('documents:column.comment'), wide: true },
    ],
    rows: recs.map(({ rec, type }) => [
      type,
      rec.text,
      priorityLabel(ctx, rec.priority),
      sourceLabel(ctx, rec.source),
      rec.institutions.join('; ') || null,
      rec.areaCodes.join(', ') || null,
      rec.issuedRound.name,
      rec.status === null ? null : statusLabel(ctx, rec.status),
      rec.statusComment,
    ]),
  }
}

function implementationTable(ctx: ComposeContext, data: RegionalReportData): Table {
  const { t } = ctx
  return {
    name: t('documents:xlsx.sheet.implementation'),
    columns: [
      { header: t('documents:xlsx.column.countryCode') },
      { header: t('documents:column.country') },
      { header: t('documents:column.round') },
      { header: t('documents:column.implementationRate') },
      { header: t('documents:column.followedUp') },
    ],
    rows: data.countries.map((c) => [c.code, ctx.text(c.names), data.round.name, c.implementationRate, c.followedUp]),
  }
}

/** What the workbook is: the report, when it was made, the method and the disclosure rule, one fact per row. */
function addAbout(workbook: Workbook, ctx: ComposeContext, data: ReportData): void {
  const { t } = ctx
  const { from, to } = period(ctx, data.round)
  const method = data.method
  const title =
    data.kind === 'national'
      ? `${t('documents:national.title')}: ${ctx.text(data.country.names)}`
      : t('documents:regional.title')
  const disclosure = [
    t('documents:method.disclosure', { max: ctx.report.threshold - 1, threshold: ctx.report.threshold }),
    ctx.report.mode === 'public'
      ? t('documents:cover.public', { threshold: ctx.report.threshold })
      : t('documents:method.internal'),
  ]
  const facts: [string, string][] = [
    [t('documents:xlsx.about.report'), title],
    [t('documents:column.round'), data.round.name],
    [t('documents:method.period'), `${from} – ${to}`],
    [t('documents:xlsx.about.generated'), `${ctx.f.date(data.generatedAt)} (${data.generatedAt})`],
    [
      t('documents:method.framework'),
      t('documents:method.frameworkValue', { name: ctx.text(method.frameworkName), label: method.frameworkLabel }),
    ],
    [t('documents:method.focus'), focusName(ctx, method)],
    [t('documents:xlsx.about.method'), t('documents:method.validated')],
    ['', t('assessments:method.rubric')],
    ['', t('assessments:method.yesPartialNo')],
    ['', t('assessments:method.bands')],
    ['', t('assessments:method.none')],
    ['', t('assessments:scores.method', { ceiling: method.redFlagCeiling })],
    [t('documents:section.disclosure'), disclosure[0] as string],
    ['', disclosure[1] as string],
    [t('documents:xlsx.about.sheets'), t('documents:xlsx.about.tidy', { threshold: ctx.report.threshold })],
  ]
  const sheet = workbook.addWorksheet(sheetName(t('documents:xlsx.sheet.about')))
  sheet.columns = [
    { width: 28, style: { font: { bold: true }, alignment: { vertical: 'top', wrapText: true } } },
    { width: 100, style: { alignment: { vertical: 'top', wrapText: true } } },
  ]
  for (const [label, value] of facts) sheet.addRow([toCellText(label), toCellText(value)])
}
