import { z } from 'zod'
import { EvidenceInputSchema } from './answers.ts'
import { CountryCodeSchema, IdSchema, TimestampSchema } from './common.ts'
import { FOLLOW_UP_STATUSES, RECOMMENDATION_PRIORITIES, RECOMMENDATION_SOURCES } from './scoring.ts'

const code = z.string().regex(/^[A-Z][A-Z0-9]{1,9}(-[0-9]{1,3}[a-z]?)?$/, 'Use an area or indicator code')

export const RecommendationInputSchema = z
  .object({
    text: z.string().trim().min(1).max(10_000),
    /** The institutions it is addressed to. */
    institutions: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
    areaCodes: z.array(code).max(50).default([]),
    indicatorCodes: z.array(code).max(200).default([]),
    priority: z.enum(RECOMMENDATION_PRIORITIES),
    source: z.enum(RECOMMENDATION_SOURCES).default('monitoring'),
  })
  .strict()
export type RecommendationInput = z.infer<typeof RecommendationInputSchema>

export const UpdateRecommendationBodySchema = z
  .object({
    version: z.number().int().min(1),
    text: z.string().trim().min(1).max(10_000).optional(),
    institutions: z.array(z.string().trim().min(1).max(300)).max(20).optional(),
    areaCodes: z.array(code).max(50).optional(),
    indicatorCodes: z.array(code).max(200).optional(),
    priority: z.enum(RECOMMENDATION_PRIORITIES).optional(),
    source: z.enum(RECOMMENDATION_SOURCES).optional(),
  })
  .strict()
export type UpdateRecommendationBody = z.infer<typeof UpdateRecommendationBodySchema>

export const FollowUpBodySchema = z
  .object({
    /** 0 when this round has no follow-up of the recommendation yet. */
    version: z.number().int().min(0),
    status: z.enum(FOLLOW_UP_STATUSES),
    comment: z.string().trim().max(10_000).nullable().default(null),
    evidence: z.array(EvidenceInputSchema).max(50).default([]),
    /** The response of the responsible institution or the rapporteur, as received. */
    response: z.string().trim().max(20_000).nullable().default(null),
  })
  .strict()
export type FollowUpBody = z.infer<typeof FollowUpBodySchema>

const RoundRef = z.object({ id: IdSchema, name: z.string(), periodTo: z.string() })

export const FollowUpSchema = z.object({
  id: IdSchema,
  round: RoundRef,
  status: z.enum(FOLLOW_UP_STATUSES),
  comment: z.string().nullable(),
  evidence: z.array(EvidenceInputSchema),
  response: z.string().nullable(),
  updatedAt: TimestampSchema,
  updatedBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  version: z.number().int(),
})
export type FollowUp = z.infer<typeof FollowUpSchema>

export const RecommendationSchema = z.object({
  id: IdSchema,
  countryCode: CountryCodeSchema,
  issuedIn: RoundRef,
  text: z.string(),
  institutions: z.array(z.string()),
  areaCodes: z.array(z.string()),
  indicatorCodes: z.array(z.string()),
  priority: z.enum(RECOMMENDATION_PRIORITIES),
  source: z.enum(RECOMMENDATION_SOURCES),
  createdAt: TimestampSchema,
  version: z.number().int(),
  /** Its follow-up in every later round, oldest first: the whole history. */
  followUps: z.array(FollowUpSchema),
  /** The most recent follow-up status, or null when none was recorded yet. */
  latestStatus: z.enum(FOLLOW_UP_STATUSES).nullable(),
})
export type Recommendation = z.infer<typeof RecommendationSchema>

export const RecommendationListQuerySchema = z.object({
  /** Only those issued in this round. */
  issuedIn: IdSchema.optional(),
})

export const RecommendationParamsSchema = z.object({ id: IdSchema })
export const FollowUpParamsSchema = z.object({ id: IdSchema, roundId: IdSchema })

const RateSchema = z.object({
  rate: z.number().nullable(),
  counted: z.number().int(),
  fully: z.number().int(),
  partially: z.number().int(),
  notImplemented: z.number().int(),
  noLongerRelevant: z.number().int(),
})
export const ImplementationSchema = z.object({
  countryCode: CountryCodeSchema,
  /** Per round: the follow-up statuses recorded in that round. */
  byRound: z.array(RateSchema.extend({ round: RoundRef })),
  /** Per priority, over the latest status of every recommendation followed up at least once. */
  byPriority: z.array(RateSchema.extend({ priority: z.enum(RECOMMENDATION_PRIORITIES) })),
})
export type Implementation = z.infer<typeof ImplementationSchema>
