import { z } from 'zod'
import { FOLLOW_UP_STATUSES, RECOMMENDATION_PRIORITIES } from './scoring.ts'

const Text = z.record(z.string(), z.string().optional())
const RoundRef = z.object({ id: z.string(), name: z.string(), periodFrom: z.string(), periodTo: z.string() })
const Statistics = z.object({
  indicators: z.array(z.object({ code: z.string(), title: Text, dimensions: z.array(z.string()) })),
  rounds: z.array(RoundRef),
  cells: z.array(
    z.object({
      id: z.string(),
      indicatorCode: z.string(),
      countryCode: z.string(),
      roundId: z.string(),
      key: z.string(),
      value: z.number(),
    }),
  ),
})

/** A country's profile: area scores over rounds, statistics trends, open recommendations by priority. */
export const CountryProfileSchema = z.object({
  country: z.object({ code: z.string(), names: Text }),
  rounds: z.array(
    RoundRef.extend({
      status: z.string(),
      areas: z.array(
        z.object({
          code: z.string(),
          title: Text,
          score: z.number().nullable(),
          provisionalScore: z.number().nullable(),
        }),
      ),
    }),
  ),
  /** Per round: each person count's total and its single breakdowns (crossed cells are in the reports' annex). */
  statistics: Statistics,
  openRecommendations: z.array(z.object({ priority: z.enum(RECOMMENDATION_PRIORITIES), count: z.number().int() })),
  implementation: z.array(z.object({ round: RoundRef, rate: z.number().nullable(), counted: z.number().int() })),
})
export type CountryProfile = z.infer<typeof CountryProfileSchema>

/** A round across the countries the reader sees: scores by area, completeness and lateness, implementation rate. */
export const RoundOverviewSchema = z.object({
  round: RoundRef.extend({ status: z.string() }),
  areas: z.array(z.object({ code: z.string(), title: Text })),
  countries: z.array(
    z.object({
      code: z.string(),
      names: Text,
      areaScores: z.array(
        z.object({ areaCode: z.string(), score: z.number().nullable(), provisionalScore: z.number().nullable() }),
      ),
      indicators: z.number().int(),
      /** Share (0-1) of the country's indicators whose data is in (every source submitted or validated). */
      completeness: z.number(),
      late: z.number().int(),
      validated: z.number().int(),
      implementationRate: z.number().nullable(),
    }),
  ),
})
export type RoundOverview = z.infer<typeof RoundOverviewSchema>

export const IndicatorExplorerQuerySchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9]{1,9}-[0-9]{1,3}[a-z]?$/, 'Use a code like IDN-3'),
    /** The framework version the code belongs to (default: the latest published one). */
    versionId: z.uuid().optional(),
  })
  .strict()

/** One indicator across countries and rounds, following lineage into earlier framework versions. */
export const IndicatorExplorerSchema = z.object({
  versionId: z.string(),
  code: z.string(),
  title: Text,
  measurementType: z.string(),
  rows: z.array(
    z.object({
      round: RoundRef,
      countryCode: z.string(),
      /** The code the indicator had in that round's framework version. */
      codeInRound: z.string(),
      status: z.string(),
      noData: z.boolean(),
      number: z.number().nullable(),
      choice: z.string().nullable(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      normalisedScore: z.number().nullable(),
    }),
  ),
})
export type IndicatorExplorer = z.infer<typeof IndicatorExplorerSchema>

export const FOLLOW_UP_OPEN: readonly string[] = FOLLOW_UP_STATUSES.filter(
  (s) => s !== 'fully_implemented' && s !== 'no_longer_relevant',
)
