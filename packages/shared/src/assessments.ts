import { z } from 'zod'
import { AnswerValueSchema, EvidenceInputSchema } from './answers.ts'
import { IdSchema, TimestampSchema } from './common.ts'
import { CONFIDENCE_LEVELS } from './scoring.ts'

/** An expert's assessment: draft → submitted → returned (with a comment) or validated (locked) by the country lead. */
export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'returned', 'validated'] as const
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number]

/** Who scored: the assigned expert, or (with independent double scoring) the second expert. */
export const SCORERS = ['primary', 'second'] as const
export type Scorer = (typeof SCORERS)[number]

const longText = (max: number) => z.string().trim().max(max).nullable().default(null)

export const SaveAssessmentBodySchema = z
  .object({
    /** 0 for a new assessment. */
    version: z.number().int().min(0),
    noData: z.boolean().default(false),
    noDataReason: longText(5000),
    /** The consolidated value, in the indicator's measurement. */
    value: AnswerValueSchema.default({ choice: null, number: null, numerator: null, denominator: null, text: null }),
    /** The source answers the value rests on. */
    sourceAnswerIds: z.array(IdSchema).max(50).default([]),
    /** Why these sources, and how they were combined. */
    consolidationNote: longText(10_000),
    /** The level on the indicator's scale (rubric 0-4, yes/partial/no 2/1/0); derived for indicators with target bands. */
    score: z.number().nullable().default(null),
    justification: longText(20_000),
    /** Evidence of the source answers this assessment relies on. */
    answerEvidenceIds: z.array(IdSchema).max(200).default([]),
    /** The expert's own evidence: links, legal citations, files. */
    evidence: z.array(EvidenceInputSchema).max(100).default([]),
    confidence: z.enum(CONFIDENCE_LEVELS).nullable().default(null),
    dataGaps: longText(10_000),
    /** How disagreeing sources were reconciled; required to submit when there is a discrepancy. */
    discrepancyResolution: longText(10_000),
  })
  .strict()
export type SaveAssessmentBody = z.infer<typeof SaveAssessmentBodySchema>

export const AssessmentParamsSchema = z.object({
  roundId: IdSchema,
  country: z.string().regex(/^[A-Z]{2}$/),
  code: z.string().regex(/^[A-Z][A-Z0-9]{1,9}-[0-9]{1,3}[a-z]?$/),
})
export const ScorerQuerySchema = z.object({ scorer: z.enum(SCORERS).default('primary') })

export const AssessmentVersionBodySchema = z.object({ version: z.number().int().min(1) }).strict()
export const ReturnAssessmentBodySchema = z
  .object({ version: z.number().int().min(1), comment: z.string().trim().min(1).max(5000) })
  .strict()
export const UnlockAssessmentBodySchema = z
  .object({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(5000) })
  .strict()

const Person = z.object({ id: IdSchema, name: z.string() }).nullable()

export const AssessmentSchema = z.object({
  id: IdSchema,
  scorer: z.enum(SCORERS),
  status: z.enum(ASSESSMENT_STATUSES),
  expert: Person,
  noData: z.boolean(),
  noDataReason: z.string().nullable(),
  value: AnswerValueSchema,
  sourceAnswerIds: z.array(IdSchema),
  consolidationNote: z.string().nullable(),
  score: z.number().nullable(),
  /** The score on 0-100 (see the method), null when not scored. */
  normalisedScore: z.number().nullable(),
  justification: z.string().nullable(),
  answerEvidenceIds: z.array(IdSchema),
  evidence: z.array(
    EvidenceInputSchema.extend({
      file: z.object({ id: IdSchema, name: z.string(), size: z.number(), mediaType: z.string() }).nullable(),
    }),
  ),
  confidence: z.enum(CONFIDENCE_LEVELS).nullable(),
  dataGaps: z.string().nullable(),
  discrepancyResolution: z.string().nullable(),
  /** Double scoring: how the country lead settled a disagreement between the two experts. */
  scoringResolution: z.string().nullable(),
  /** Double scoring: the first expert's own score, kept when the country lead settled the final one (else null). */
  expertScore: z.number().nullable(),
  returnComment: z.string().nullable(),
  submittedAt: TimestampSchema.nullable(),
  submittedBy: Person,
  validatedAt: TimestampSchema.nullable(),
  validatedBy: Person,
  updatedAt: TimestampSchema,
  version: z.number().int(),
})
export type Assessment = z.infer<typeof AssessmentSchema>

export const DiscrepancySchema = z.object({
  /** none: the sources agree (or fewer than two gave a value); values: figures differ beyond the round's share; levels: scale answers differ. */
  kind: z.enum(['none', 'values', 'levels']),
  /** The share by which the figures differ (values only). */
  spread: z.number().nullable(),
  answerIds: z.array(IdSchema),
})
export type Discrepancy = z.infer<typeof DiscrepancySchema>

export const AssessmentWorkSchema = z.object({
  discrepancy: DiscrepancySchema,
  /** The assessments the reader may see: their own, and both once blind scoring is over or for the country lead. */
  assessments: z.array(AssessmentSchema),
  doubleScoring: z.boolean(),
  abilities: z.array(z.string()),
})
export type AssessmentWork = z.infer<typeof AssessmentWorkSchema>

export const AreaScoreSchema = z.object({
  area: z.string(),
  /** Indicators of the area in the country's list, and how many are validated / submitted. */
  total: z.number().int(),
  validated: z.number().int(),
  submitted: z.number().int(),
  /** From validated assessments only (0-100, one decimal); null when nothing can be scored yet. */
  score: z.number().nullable(),
  uncappedScore: z.number().nullable(),
  /** Including submitted assessments not yet validated: a preview for the country lead. */
  provisionalScore: z.number().nullable(),
  scoredCount: z.number().int(),
  excludedCount: z.number().int(),
  notScoredCount: z.number().int(),
  cappedBy: z.array(z.string()),
})
export const AreaScoresSchema = z.object({
  method: z.object({ redFlagCeiling: z.number() }),
  areas: z.array(AreaScoreSchema),
})
export type AreaScores = z.infer<typeof AreaScoresSchema>

/** Double scoring: the country lead settles a disagreement by setting the final score, with a recorded note. */
export const ResolveScoresBodySchema = z
  .object({
    /** The version of the primary assessment. */
    version: z.number().int().min(1),
    score: z.number(),
    note: z.string().trim().min(1).max(5000),
  })
  .strict()
export type ResolveScoresBody = z.infer<typeof ResolveScoresBodySchema>

const AgreementStatsSchema = z.object({
  /** Indicators both experts scored on a scale. */
  n: z.number().int(),
  /** Share of those with the same level (0-1), null when n is 0. */
  exactAgreement: z.number().nullable(),
  /** Quadratic-weighted Cohen's kappa, null when it cannot be computed. */
  kappa: z.number().nullable(),
})
export const AgreementSchema = z.object({
  overall: AgreementStatsSchema,
  areas: z.array(AgreementStatsSchema.extend({ area: z.string() })),
  disagreements: z.array(
    z.object({
      indicatorCode: z.string(),
      primary: z.number(),
      second: z.number(),
      resolved: z.boolean(),
    }),
  ),
})
export type Agreement = z.infer<typeof AgreementSchema>
