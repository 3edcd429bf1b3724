import { z } from 'zod'
import { CountryCodeSchema, IdSchema, nameText, VersionSchema } from './common.ts'
import { DEFAULT_CONSENSUS_IQR } from './delphi.ts'
import { FrameworkDocSchema, IndicatorCodeSchema, LocalizedTextSchema, TOPICS } from './framework.ts'
import { LOCALES } from './locales.ts'

/**
 * The indicator review: a Delphi-style, multi-country rating of a published Handbook version in rounds, ending in
 * decisions per indicator and a draft of the next version.
 */

/** What participants rate, each on 1 (lowest) to 5: significance for victims' rights, feasibility of yearly collection, clarity, regional relevance. */
export const REVIEW_CRITERIA = ['significance', 'feasibility', 'clarity', 'relevance'] as const
export type ReviewCriterion = (typeof REVIEW_CRITERIA)[number]

/** A participant's proposal for an indicator, and (the same words) the coordinator's decision. */
export const REVIEW_PROPOSALS = ['keep', 'merge', 'drop', 'reword', 'move'] as const
export type ReviewProposal = (typeof REVIEW_PROPOSALS)[number]
export const REVIEW_DECISIONS = REVIEW_PROPOSALS
export type ReviewDecisionKind = ReviewProposal

/** draft: being prepared; open: rounds run (one may be open for responses); closed: no more rounds. */
export const REVIEW_STATUSES = ['draft', 'open', 'closed'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/** The part a participant takes in the review, for the participation table. */
export const PARTICIPANT_ROLES = ['rapporteur', 'coordinator', 'institution_expert', 'ngo_expert'] as const
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number]

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')
const Rating = z.number().int().min(1, 'Rate from 1 to 5').max(5, 'Rate from 1 to 5')
const Criteria = z
  .array(z.enum(REVIEW_CRITERIA))
  .min(1)
  .max(REVIEW_CRITERIA.length)
  .refine((list) => new Set(list).size === list.length, 'Name each criterion once')
/** Closes-on date of each round, in order (index 0 is round 1); null when not planned. */
const Schedule = z.array(isoDate.nullable()).max(10)
const Comment = z.string().trim().max(5000)

/** A participant's ratings of one indicator: 1-5 per criterion of the review (a criterion may be left unrated). */
export const RatingsSchema = z
  .object(
    Object.fromEntries(REVIEW_CRITERIA.map((c) => [c, Rating.optional()])) as Record<
      ReviewCriterion,
      z.ZodOptional<typeof Rating>
    >,
  )
  .strict()
export type Ratings = z.infer<typeof RatingsSchema>

export const CreateReviewBodySchema = z
  .object({
    frameworkVersionId: IdSchema,
    title: nameText(300),
    description: Comment.default(''),
    criteria: Criteria.default([...REVIEW_CRITERIA]),
    /** Consensus holds when the interquartile range is at most this. */
    consensusIqr: z.number().min(0).max(4).default(DEFAULT_CONSENSUS_IQR),
    schedule: Schedule.default([]),
  })
  .strict()
export type CreateReviewBody = z.infer<typeof CreateReviewBodySchema>

export const UpdateReviewBodySchema = z
  .object({
    version: VersionSchema,
    title: nameText(300).optional(),
    description: Comment.optional(),
    /** Only while the review is a draft. */
    criteria: Criteria.optional(),
    consensusIqr: z.number().min(0).max(4).optional(),
    schedule: Schedule.optional(),
  })
  .strict()
export type UpdateReviewBody = z.infer<typeof UpdateReviewBodySchema>

export const AddParticipantBodySchema = z
  .object({ userId: IdSchema, countryCode: CountryCodeSchema, role: z.enum(PARTICIPANT_ROLES) })
  .strict()
export type AddParticipantBody = z.infer<typeof AddParticipantBodySchema>

/** A participant's own choice: may coordinators see their name next to their ratings? */
export const ConsentBodySchema = z.object({ named: z.boolean() }).strict()

export const ReviewVersionBodySchema = z.object({ version: VersionSchema }).strict()
export const OpenRoundBodySchema = z
  .object({
    version: VersionSchema,
    /** Sets (or changes) the planned closing date of the round being opened. */
    closesOn: isoDate.nullable().optional(),
  })
  .strict()
export type OpenRoundBody = z.infer<typeof OpenRoundBodySchema>

const Targets = {
  mergeInto: IndicatorCodeSchema.nullable().default(null),
  moveTo: z.enum(TOPICS).nullable().default(null),
}

/** A proposal (or decision) names its target: an indicator of the same version for merge, a thematic module for move. */
function checkTargets(
  kind: string | null,
  value: { mergeInto: string | null; moveTo: string | null },
  ctx: z.RefinementCtx,
): void {
  if (kind === 'merge' && !value.mergeInto)
    ctx.addIssue({ code: 'custom', path: ['mergeInto'], message: 'Name the indicator to merge into' })
  if (kind === 'move' && !value.moveTo)
    ctx.addIssue({ code: 'custom', path: ['moveTo'], message: 'Name the thematic module to move it to' })
}

export const SaveResponseBodySchema = z
  .object({
    /** 0 when the participant has no response to this indicator in this round yet. */
    version: z.number().int().min(0),
    ratings: RatingsSchema.default({}),
    proposal: z.enum(REVIEW_PROPOSALS).nullable().default(null),
    ...Targets,
    comment: Comment.nullable().default(null),
  })
  .strict()
  .superRefine((value, ctx) => checkTargets(value.proposal, value, ctx))
export type SaveResponseBody = z.infer<typeof SaveResponseBodySchema>

export const DecisionBodySchema = z
  .object({
    /** 0 when the indicator has no decision yet. */
    version: z.number().int().min(0),
    decision: z.enum(REVIEW_DECISIONS),
    ...Targets,
    /** The new title, for reword: replaces the title in every language (give at least the Handbook's base language). */
    newTitle: LocalizedTextSchema.nullable().default(null),
    rationale: Comment.default(''),
  })
  .strict()
  .superRefine((value, ctx) => {
    checkTargets(value.decision, value, ctx)
    if (value.decision === 'reword' && !Object.values(value.newTitle ?? {}).some((t) => t?.trim()))
      ctx.addIssue({ code: 'custom', path: ['newTitle'], message: 'Give the new title' })
    if (value.decision !== 'keep' && !value.rationale)
      ctx.addIssue({ code: 'custom', path: ['rationale'], message: 'Give the reason for the decision' })
  })
export type DecisionBody = z.infer<typeof DecisionBodySchema>

export const GenerateDraftBodySchema = z.object({ label: FrameworkDocSchema.shape.version.shape.label }).strict()

export const ReviewParamsSchema = z.object({ id: IdSchema })
export const ReviewParticipantParamsSchema = z.object({ id: IdSchema, participantId: IdSchema })
export const ReviewIndicatorParamsSchema = z.object({ id: IdSchema, code: IndicatorCodeSchema })
export const ReviewRoundQuerySchema = z.object({ round: z.coerce.number().int().min(1).max(20).optional() }).strict()
export const ReviewReportQuerySchema = z
  .object({ format: z.enum(['html', 'docx']).default('html'), lang: z.enum(LOCALES).default('en') })
  .strict()
export type ReviewReportQuery = z.infer<typeof ReviewReportQuerySchema>
