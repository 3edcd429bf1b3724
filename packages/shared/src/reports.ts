import { z } from 'zod'
import type { AnswerValue } from './answers.ts'
import type { LocalizedText, Measurement } from './framework.ts'
import { LOCALES } from './locales.ts'

/**
 * National and regional reports as data. The server builds a `ReportData` from the database; publication freezes
 * it as a snapshot; renderers (HTML, DOCX, PDF, XLSX) turn one into a document in any UI locale. Everything in it
 * is locale-neutral: framework texts keep all their translations, labels come from the catalogs at render time.
 * It holds aggregate figures only, never a person.
 */
export const REPORT_KINDS = ['national', 'regional'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]
export const REPORT_FORMATS = ['html', 'pdf', 'docx', 'xlsx'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export const ReportQuerySchema = z
  .object({
    format: z.enum(REPORT_FORMATS).default('html'),
    lang: z.enum(LOCALES).default('en'),
    /** Internal views show real counts to signed-in users with rights; 'public' applies disclosure control. */
    disclosure: z.enum(['internal', 'public']).default('internal'),
  })
  .strict()
export type ReportQuery = z.infer<typeof ReportQuerySchema>

export interface ReportRoundRef {
  id: string
  name: string
  periodFrom: string
  periodTo: string
}

export interface ReportEvidence {
  title: string
  url: string | null
  citation: string | null
  /** A file kept in the tool: named, not linked. */
  isFile: boolean
  internal: boolean
}

export interface ReportIndicator {
  code: string
  areaCode: string
  title: LocalizedText
  measurement: Measurement
  isRedFlag: boolean
  weight: number
  /** A count of persons: subject to disclosure control in anything public. */
  personCount: boolean
  /** False while the indicator has no validated assessment: the report then shows no value or score for it. */
  validated: boolean
  noData: boolean
  noDataReason: string | null
  value: AnswerValue | null
  /** Raw score on the indicator's scale (level 0-4, 0/1/2, or a target-band score), and its 0-100 form. */
  score: number | null
  normalisedScore: number | null
  confidence: string | null
  dataGaps: string | null
  justification: string | null
  sources: { organisation: string; organisationType: string }[]
  evidence: ReportEvidence[]
}

export interface ReportArea {
  code: string
  title: LocalizedText
  score: number | null
  /** The same area's score in the country's previous published round, matched through lineage; null when none. */
  previousScore: number | null
  previousRound: ReportRoundRef | null
  scoredCount: number
  excludedCount: number
  notScoredCount: number
  /** Red-flag indicators that capped the area's score. */
  cappedBy: string[] | null
  /** Sanitised rich text. */
  findingHtml: string
  indicators: ReportIndicator[]
}

export interface ReportRecommendation {
  id: string
  text: string
  priority: string
  source: string
  institutions: string[]
  areaCodes: string[]
  issuedRound: ReportRoundRef
  /** The status recorded in this report's round (null for a recommendation issued in it). */
  status: string | null
  statusComment: string | null
}

/**
 * One cell of the statistics: the figure reported for `key` (an answer cell key such as
 * `sex=female;victim_status=identified`, or `total`) of an indicator, country and round. `id` is unique within a
 * release and shared by every table that shows the same figure, so disclosure control treats it once.
 */
export interface StatisticCell {
  id: string
  indicatorCode: string
  countryCode: string
  roundId: string
  key: string
  value: number
}

export interface ReportStatistics {
  /** Person-count indicators with their breakdown dimensions, in Handbook order. */
  indicators: { code: string; title: LocalizedText; dimensions: string[] }[]
  rounds: ReportRoundRef[]
  cells: StatisticCell[]
}

export interface ReportMethod {
  frameworkLabel: string
  frameworkName: LocalizedText
  focusTopic: string | null
  /** The custom focus topic's name (empty unless focusTopic is 'custom'). */
  focusLabel: LocalizedText
  redFlagCeiling: number
  /** Counts from 1 to threshold-1 are shown as "<threshold" in public documents. */
  disclosureThreshold: number
  sourcesConsulted: { organisation: string; organisationType: string }[]
  dataGaps: { indicatorCode: string; text: string }[]
}

export interface NationalReportData {
  kind: 'national'
  generatedAt: string
  round: ReportRoundRef & { status: string }
  country: { code: string; names: LocalizedText }
  summaryHtml: string
  conclusionHtml: string
  method: ReportMethod
  areas: ReportArea[]
  /** Recommendations issued in this round. */
  newRecommendations: ReportRecommendation[]
  /** Earlier recommendations with the status recorded in this round. */
  followUps: ReportRecommendation[]
  statistics: ReportStatistics
}

export interface RegionalCountryRow {
  code: string
  names: LocalizedText
  areaScores: { areaCode: string; score: number | null; previousScore: number | null }[]
  /** Implementation rate (0-100) of earlier recommendations in this round; null when none was followed up. */
  implementationRate: number | null
  followedUp: number
}

export interface RegionalReportData {
  kind: 'regional'
  generatedAt: string
  round: ReportRoundRef & { status: string }
  summaryHtml: string
  conclusionHtml: string
  method: ReportMethod
  areas: { code: string; title: LocalizedText; findingHtml: string }[]
  countries: RegionalCountryRow[]
  /** Regional recommendations are the regional conclusions' text; country recommendations stay in national reports. */
  statistics: ReportStatistics
}

export type ReportData = NationalReportData | RegionalReportData

/** A published snapshot: the frozen data of one report, numbered per round and scope. */
export const ReportPublicationSchema = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  roundId: z.string(),
  /** A country code, or 'region'. */
  scope: z.string(),
  number: z.number().int(),
  changeNote: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  /** Only in the answer to a publication: the job that renders and stores its documents (GET /api/jobs/:id). */
  renderJobId: z.string().optional(),
})
export type ReportPublication = z.infer<typeof ReportPublicationSchema>

export const PublishReportBodySchema = z
  .object({
    /** Required for a correction (a second or later publication). */
    changeNote: z.string().trim().max(5000).nullable().default(null),
  })
  .strict()

/**
 * Counts of persons (victims, offenders, people compensated) are the figures disclosure control protects: a count
 * broken down by victim status or sex. Other counts (days, inspections, cases) are not about identifiable people.
 */
export function isPersonCount(ind: { measurement: Measurement; disaggregations: readonly string[] }): boolean {
  return (
    ind.measurement.type === 'count' &&
    (ind.disaggregations.includes('victim_status') || ind.disaggregations.includes('sex'))
  )
}

/** Breakdown dimensions the statistics annex shows (each crossed with victim status when the indicator has it). */
export const STATISTIC_DIMENSIONS = ['sex', 'age_group', 'citizenship', 'exploitation_form'] as const

const LocalizedTextOut = z.record(z.string(), z.string().optional())
const RoundRefSchema = z.object({ id: z.string(), name: z.string(), periodFrom: z.string(), periodTo: z.string() })

/** A published figure as the public sees it: null with a display text ("<5", "x") when withheld. */
export const PublicFigureSchema = z.object({ value: z.number().nullable(), display: z.string().nullable() })

/**
 * What the public portal shows of one publication: area scores, key statistics with disclosure control applied,
 * recommendations and their status. Built from the frozen snapshot only.
 */
export const PublicReportViewSchema = z.object({
  publication: ReportPublicationSchema,
  round: RoundRefSchema,
  country: z.object({ code: z.string(), names: LocalizedTextOut }).nullable(),
  areas: z.array(
    z.object({
      code: z.string(),
      title: LocalizedTextOut,
      /** National: this country's score; regional: one entry per country in `countries`. */
      score: z.number().nullable(),
      previousScore: z.number().nullable(),
    }),
  ),
  countries: z.array(
    z.object({
      code: z.string(),
      names: LocalizedTextOut,
      areaScores: z.array(z.object({ areaCode: z.string(), score: z.number().nullable() })),
      implementationRate: z.number().nullable(),
    }),
  ),
  statistics: z.object({
    indicators: z.array(z.object({ code: z.string(), title: LocalizedTextOut })),
    rounds: z.array(RoundRefSchema),
    /** Totals and the identified/presumed split per indicator, country and round. */
    cells: z.array(
      z.object({
        indicatorCode: z.string(),
        countryCode: z.string(),
        roundId: z.string(),
        key: z.string(),
        value: z.number().nullable(),
        display: z.string().nullable(),
      }),
    ),
  }),
  recommendations: z.array(
    z.object({ text: z.string(), priority: z.string(), status: z.string().nullable(), issuedIn: z.string() }),
  ),
  disclosureThreshold: z.number(),
})
export type PublicReportView = z.infer<typeof PublicReportViewSchema>

/** A published round as the portal lists it: its countries' and the region's latest publications. */
export const PublicRoundSchema = z.object({
  id: z.string(),
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  focusTopic: z.string().nullable(),
  publications: z.array(ReportPublicationSchema),
})
export type PublicRound = z.infer<typeof PublicRoundSchema>
