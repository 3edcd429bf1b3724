import { z } from 'zod'
import { AbilitiesSchema, CountryCodeSchema, IdSchema, TimestampSchema } from './common.ts'
import { LocalizedTextSchema, TOPICS } from './framework.ts'
import {
  PARTICIPANT_ROLES,
  RatingsSchema,
  REVIEW_CRITERIA,
  REVIEW_DECISIONS,
  REVIEW_PROPOSALS,
  REVIEW_STATUSES,
} from './reviews.ts'

/** The indicator review's response bodies: reviews, participants, responses, results, decisions. */

export const ReviewRoundSchema = z.object({
  number: z.number().int(),
  openedAt: TimestampSchema,
  closedAt: TimestampSchema.nullable(),
})

export const ReviewSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: z.enum(REVIEW_STATUSES),
  /** 0 before round 1 opens. */
  currentRound: z.number().int(),
  /** The current round takes responses. */
  roundOpen: z.boolean(),
  frameworkVersion: z.object({ id: IdSchema, label: z.string(), frameworkCode: z.string() }),
  /** The next Handbook version made from the decisions, once generated. */
  generatedVersionId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  /** How the actor takes part: running it (coordinator or administrator) or rating. */
  myPart: z.enum(['coordinator', 'participant']),
})
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>

/** A participant as the coordinator sees the list: who takes part, never next to their ratings. */
export const ParticipantSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  name: z.string(),
  email: z.string(),
  countryCode: CountryCodeSchema,
  role: z.enum(PARTICIPANT_ROLES),
  /** They agreed that coordinators see their name next to their ratings. */
  named: z.boolean(),
  /**
   * They responded in the current round (to at least one indicator). Only yes or no: how many they answered could be
   * matched with the anonymous ratings.
   */
  responded: z.boolean(),
})
export type Participant = z.infer<typeof ParticipantSchema>

export const ReviewDetailSchema = ReviewSummarySchema.extend({
  description: z.string(),
  criteria: z.array(z.enum(REVIEW_CRITERIA)),
  consensusIqr: z.number(),
  schedule: z.array(z.string().nullable()),
  rounds: z.array(ReviewRoundSchema),
  indicatorCount: z.number().int(),
  /** The actor's own participation, or null. */
  me: z
    .object({
      id: IdSchema,
      countryCode: CountryCodeSchema,
      role: z.enum(PARTICIPANT_ROLES),
      named: z.boolean(),
      respondedInRound: z.number().int(),
    })
    .nullable(),
  /** Every participant: for coordinators only (null for participants). */
  participants: z.array(ParticipantSchema).nullable(),
  version: z.number().int(),
  abilities: AbilitiesSchema,
})
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>

export const ResponseSchema = z.object({
  code: z.string(),
  ratings: RatingsSchema,
  proposal: z.enum(REVIEW_PROPOSALS).nullable(),
  mergeInto: z.string().nullable(),
  moveTo: z.enum(TOPICS).nullable(),
  comment: z.string().nullable(),
})
export type ReviewResponse = z.infer<typeof ResponseSchema>

export const RatingStatsSchema = z.object({
  n: z.number().int(),
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
  iqr: z.number().nullable(),
  consensus: z.boolean().nullable(),
  /** Counts of ratings 1, 2, 3, 4 and 5. */
  counts: z.array(z.number().int()).length(5),
})
export const CriterionStatsSchema = RatingStatsSchema.extend({ criterion: z.enum(REVIEW_CRITERIA) })
export type CriterionStats = z.infer<typeof CriterionStatsSchema>

export const ProposalTallySchema = z.object({
  keep: z.number().int(),
  merge: z.number().int(),
  drop: z.number().int(),
  reword: z.number().int(),
  move: z.number().int(),
  mergeTargets: z.array(z.object({ code: z.string(), n: z.number().int() })),
  moveTargets: z.array(z.object({ topic: z.string(), n: z.number().int() })),
})

/** The anonymous group distribution of one round for one indicator. */
export const GroupDistributionSchema = z.object({
  round: z.number().int(),
  /** Participants who responded to the indicator in that round. */
  respondents: z.number().int(),
  criteria: z.array(CriterionStatsSchema),
  proposals: ProposalTallySchema,
})
export type GroupDistribution = z.infer<typeof GroupDistributionSchema>

const IndicatorRefSchema = z.object({
  code: z.string(),
  area: z.string(),
  title: LocalizedTextSchema,
  core: z.boolean(),
  topics: z.array(z.string()),
})

/** A participant's workspace: every indicator with their own response, their previous one and the group's. */
export const MyResponsesSchema = z.object({
  round: z.number().int(),
  roundOpen: z.boolean(),
  criteria: z.array(z.enum(REVIEW_CRITERIA)),
  indicators: z.array(
    IndicatorRefSchema.extend({
      definition: LocalizedTextSchema,
      /** Their response in the current round, with its version for the next save (null: none yet). */
      response: ResponseSchema.extend({ version: z.number().int() }).nullable(),
      /** Their own response in the previous round (from round 2). */
      previous: ResponseSchema.nullable(),
      /** The group's distribution in the previous round (from round 2). */
      group: GroupDistributionSchema.nullable(),
    }),
  ),
})
export type MyResponses = z.infer<typeof MyResponsesSchema>

export const IndicatorEvidenceSchema = z.object({
  code: z.string(),
  /** Monitoring rounds (on this version or earlier ones, by code) whose collection ended and that listed it. */
  rounds: z.number().int(),
  /** Country × round pairs it was listed in. */
  listed: z.number().int(),
  /** Share of those pairs with a validated assessment that had data. */
  dataShare: z.number().nullable(),
  /** Share of those pairs whose validated assessment said that no data was available. */
  noDataRate: z.number().nullable(),
  /** Largest minus smallest normalised score (0-100) across countries in the latest such round. */
  scoreSpread: z.number().nullable(),
  /** Recommendations that name the indicator. */
  recommendations: z.number().int(),
  /** Share of pairs with two or more submitted answers where the sources disagree. */
  discrepancyRate: z.number().nullable(),
})
export type IndicatorEvidence = z.infer<typeof IndicatorEvidenceSchema>

export const StabilitySchema = z.object({
  criterion: z.enum(REVIEW_CRITERIA),
  n: z.number().int(),
  changed: z.number().int(),
  changedShare: z.number().nullable(),
  medianChange: z.number().nullable(),
})

export const ReviewResultsSchema = z.object({
  round: z.number().int(),
  /** Rounds that have responses, for choosing another. */
  rounds: z.array(z.number().int()),
  criteria: z.array(z.enum(REVIEW_CRITERIA)),
  consensusIqr: z.number(),
  participation: z.object({
    invited: z.number().int(),
    responded: z.number().int(),
    byCountry: z.array(
      z.object({ countryCode: CountryCodeSchema, invited: z.number().int(), responded: z.number().int() }),
    ),
  }),
  indicators: z.array(
    IndicatorRefSchema.extend({
      /** Position in the ranking (1 = highest). */
      rank: z.number().int(),
      respondents: z.number().int(),
      overall: z.array(CriterionStatsSchema),
      byCountry: z.array(z.object({ countryCode: CountryCodeSchema, criteria: z.array(CriterionStatsSchema) })),
      proposals: ProposalTallySchema,
      /** Against the previous round (null in round 1). */
      stability: z.array(StabilitySchema).nullable(),
    }),
  ),
  /** Codes by rank: median of the first criterion, then the next, highest first. */
  ranking: z.array(z.string()),
})
export type ReviewResults = z.infer<typeof ReviewResultsSchema>

/** One participant's ratings as coordinators see them: a stable pseudonym, the country, a name only with consent. */
export const AnonymousRatingsSchema = z.object({
  round: z.number().int(),
  participants: z.array(
    z.object({
      /** Shown as "Participant {pseudonym}". */
      pseudonym: z.number().int(),
      countryCode: CountryCodeSchema,
      /** Only when the participant agreed to be named. */
      name: z.string().nullable(),
      responses: z.array(ResponseSchema),
    }),
  ),
})
export type AnonymousRatings = z.infer<typeof AnonymousRatingsSchema>

export const DecisionSchema = z.object({
  code: z.string(),
  decision: z.enum(REVIEW_DECISIONS),
  mergeInto: z.string().nullable(),
  newTitle: LocalizedTextSchema.nullable(),
  moveTo: z.enum(TOPICS).nullable(),
  rationale: z.string(),
  decidedAt: TimestampSchema,
  version: z.number().int(),
})
export type Decision = z.infer<typeof DecisionSchema>

export const DecisionsOverviewSchema = z.object({
  decisions: z.array(DecisionSchema),
  summary: z.object({
    /** Indicators in the reviewed version. */
    total: z.number().int(),
    decided: z.number().int(),
    /** Codes without a decision. */
    missing: z.array(z.string()),
    byDecision: z.object({
      keep: z.number().int(),
      merge: z.number().int(),
      drop: z.number().int(),
      reword: z.number().int(),
      move: z.number().int(),
    }),
    /** Indicators the decisions leave (undecided ones count as kept). */
    remaining: z.number().int(),
    coreBefore: z.number().int(),
    /** Core indicators the decisions leave: moves take an indicator out of the core set. */
    coreAfter: z.number().int(),
  }),
})
export type DecisionsOverview = z.infer<typeof DecisionsOverviewSchema>

export const GeneratedDraftSchema = z.object({ versionId: IdSchema, label: z.string(), basedOnId: IdSchema })
