import { z } from 'zod'
import { CountryCodeSchema, IdSchema, nameText, TimestampSchema, VersionSchema } from './common.ts'
import { IndicatorCodeSchema, LocalizedTextSchema } from './framework.ts'

export const ROUND_STATUSES = ['planning', 'collecting', 'reviewing', 'published', 'archived'] as const
export type RoundStatus = (typeof ROUND_STATUSES)[number]

/** Thematic focuses a round can take; `custom` names its own topic and picks indicators by hand. */
export const ROUND_FOCUSES = [
  'identification',
  'child_trafficking',
  'vulnerable_groups',
  'labour_exploitation',
  'prevention',
  'custom',
] as const
export type RoundFocus = (typeof ROUND_FOCUSES)[number]

/** Why an indicator is in a country's list for a round. */
export const SELECTION_REASONS = ['core', 'focus', 'manual', 'national'] as const
export type SelectionReason = (typeof SELECTION_REASONS)[number]

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')

export const RoundOptionsSchema = z.object({
  /** Two experts score each indicator blind (assessment). */
  doubleScoring: z.boolean().default(false),
  /** Show a composite ranking of countries (off by default). */
  ranking: z.boolean().default(false),
  /** Source answers differing by more than this share are a discrepancy (0.1 = 10 %). */
  discrepancyShare: z.number().min(0).max(10).default(0.1),
  /** A change from last year beyond this share asks for a comment (0.5 = 50 %). */
  changeThreshold: z.number().min(0).max(100).default(0.5),
  /** A red-flag indicator at its worst level caps its area's score at this value (0-100). */
  redFlagCeiling: z.number().min(0).max(100).default(40),
})
export type RoundOptions = z.infer<typeof RoundOptionsSchema>

export const MilestonesSchema = z.object({
  collectionClosesOn: isoDate.nullable().default(null),
  reviewClosesOn: isoDate.nullable().default(null),
  publicationOn: isoDate.nullable().default(null),
})

/** A round's editable fields, without defaults (so a partial update never resets what it does not name). */
const RoundFieldsSchema = z.object({
  name: nameText(),
  periodFrom: isoDate,
  periodTo: isoDate,
  frameworkVersionId: IdSchema,
  countries: z.array(CountryCodeSchema).min(1).max(100),
  focus: z.enum(ROUND_FOCUSES).nullable(),
  focusLabel: LocalizedTextSchema,
  manualIndicators: z.array(IndicatorCodeSchema).max(1000),
  milestones: z.object({
    collectionClosesOn: isoDate.nullable(),
    reviewClosesOn: isoDate.nullable(),
    publicationOn: isoDate.nullable(),
  }),
  options: z.object({
    doubleScoring: z.boolean(),
    ranking: z.boolean(),
    discrepancyShare: z.number().min(0).max(10),
    changeThreshold: z.number().min(0).max(100),
    redFlagCeiling: z.number().min(0).max(100).default(40),
  }),
})

export const CreateRoundBodySchema = RoundFieldsSchema.extend({
  focus: RoundFieldsSchema.shape.focus.default(null),
  focusLabel: LocalizedTextSchema.default({}),
  manualIndicators: RoundFieldsSchema.shape.manualIndicators.default([]),
  milestones: MilestonesSchema.default({ collectionClosesOn: null, reviewClosesOn: null, publicationOn: null }),
  options: RoundOptionsSchema.default({
    doubleScoring: false,
    ranking: false,
    discrepancyShare: 0.1,
    changeThreshold: 0.5,
    redFlagCeiling: 40,
  }),
})
export type CreateRoundBody = z.infer<typeof CreateRoundBodySchema>

export const UpdateRoundBodySchema = RoundFieldsSchema.partial().extend({ version: VersionSchema })
export type UpdateRoundBody = z.infer<typeof UpdateRoundBodySchema>

export const RoundTransitionBodySchema = z.object({
  to: z.enum(ROUND_STATUSES),
  version: VersionSchema,
  /** Required to move a round back. */
  reason: z.string().trim().max(2000).optional(),
})

export const RoundCountrySchema = z.object({ code: CountryCodeSchema, indicatorCount: z.number().int() })

export const RoundSchema = z.object({
  id: IdSchema,
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  referenceYear: z.number().int(),
  frameworkVersion: z.object({ id: IdSchema, label: z.string(), frameworkCode: z.string() }),
  focus: z.enum(ROUND_FOCUSES).nullable(),
  focusLabel: LocalizedTextSchema,
  manualIndicators: z.array(z.string()),
  status: z.enum(ROUND_STATUSES),
  milestones: z.object({
    collectionClosesOn: z.string().nullable(),
    reviewClosesOn: z.string().nullable(),
    publicationOn: z.string().nullable(),
  }),
  options: RoundOptionsSchema,
  countries: z.array(RoundCountrySchema),
  createdAt: TimestampSchema,
  version: z.number().int(),
  abilities: z.array(z.string()),
})
export type Round = z.infer<typeof RoundSchema>

export const RoundParamsSchema = z.object({ roundId: IdSchema })
export const RoundCountryParamsSchema = z.object({ roundId: IdSchema, country: CountryCodeSchema })
export const RoundIndicatorParamsSchema = RoundCountryParamsSchema.extend({ code: IndicatorCodeSchema })

export const ProviderInputSchema = z.object({ organisationId: IdSchema, userId: IdSchema.nullable().default(null) })
export const PutAssignmentBodySchema = z.object({
  /** 0 when the indicator has no assignment yet. */
  version: z.number().int().min(0),
  expertId: IdSchema.nullable(),
  /** Independent double scoring: the second expert, who scores blind (only in rounds with `doubleScoring`). */
  secondExpertId: IdSchema.nullable().default(null),
  providers: z.array(ProviderInputSchema).max(20),
  dueOn: isoDate.nullable(),
})
export type PutAssignmentBody = z.infer<typeof PutAssignmentBodySchema>

export const WORK_STATUSES = ['not_started', 'in_progress', 'submitted', 'returned', 'validated'] as const
export type WorkStatus = (typeof WORK_STATUSES)[number]

export const AssignmentSchema = z.object({
  expert: z.object({ id: IdSchema, name: z.string() }).nullable(),
  /** The second expert of a double-scored round (null otherwise). */
  secondExpert: z.object({ id: IdSchema, name: z.string() }).nullable(),
  providers: z.array(
    z.object({
      organisationId: IdSchema,
      organisationName: z.string(),
      userId: IdSchema.nullable(),
      userName: z.string().nullable(),
    }),
  ),
  dueOn: z.string().nullable(),
  version: z.number().int(),
})
export type Assignment = z.infer<typeof AssignmentSchema>

export const ProgressRowSchema = z.object({
  code: z.string(),
  area: z.string(),
  title: LocalizedTextSchema,
  reason: z.enum(SELECTION_REASONS),
  assignment: AssignmentSchema.nullable(),
  sources: z.array(
    z.object({
      organisationId: IdSchema,
      organisationName: z.string(),
      status: z.enum(WORK_STATUSES),
      updatedAt: z.string().nullable(),
    }),
  ),
  status: z.enum(WORK_STATUSES),
  late: z.boolean(),
})
export type ProgressRow = z.infer<typeof ProgressRowSchema>

export const ProgressSchema = z.object({
  round: z.object({ id: IdSchema, name: z.string(), status: z.enum(ROUND_STATUSES) }),
  countryCode: CountryCodeSchema,
  indicators: z.array(ProgressRowSchema),
  areas: z.array(
    z.object({
      area: z.string(),
      total: z.number().int(),
      byStatus: z.record(z.string(), z.number().int()),
      completeness: z.number(),
    }),
  ),
  completeness: z.number(),
  late: z.number().int(),
  abilities: z.array(z.string()),
})
export type Progress = z.infer<typeof ProgressSchema>

/** One piece of the signed-in user's open work in rounds that are collecting. */
export const WorkItemSchema = z.object({
  roundId: IdSchema,
  roundName: z.string(),
  countryCode: CountryCodeSchema,
  indicatorCode: z.string(),
  title: LocalizedTextSchema,
  /** provider: your organisation answers it; expert: you assess it; lead: you lead the country. */
  as: z.enum(['provider', 'expert']),
  organisation: z.object({ id: IdSchema, name: z.string() }).nullable(),
  status: z.enum(WORK_STATUSES),
  dueOn: z.string().nullable(),
  late: z.boolean(),
  dueSoon: z.boolean(),
})
export type WorkItem = z.infer<typeof WorkItemSchema>
export const MyWorkSchema = z.object({
  items: z.array(WorkItemSchema),
  late: z.number().int(),
  dueSoon: z.number().int(),
  returned: z.number().int(),
})
export type MyWork = z.infer<typeof MyWorkSchema>
