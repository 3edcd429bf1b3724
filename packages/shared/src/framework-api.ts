import { z } from 'zod'
import { CountryCodeSchema, IdSchema, TimestampSchema, VersionSchema } from './common.ts'
import {
  AreaDocSchema,
  FrameworkDocSchema,
  IndicatorCodeSchema,
  IndicatorDocSchema,
  LegalReferenceSchema,
  LINEAGE_TYPES,
  LocalizedTextSchema,
} from './framework.ts'
import { CONTENT_LOCALES } from './locales.ts'
import { ORGANISATION_TYPES } from './roles.ts'

export const VERSION_STATUSES = ['draft', 'published', 'retired'] as const
export type VersionStatus = (typeof VERSION_STATUSES)[number]

export const VersionSummarySchema = z.object({
  id: IdSchema,
  label: z.string(),
  status: z.enum(VERSION_STATUSES),
  basedOnId: IdSchema.nullable(),
  publishedAt: TimestampSchema.nullable(),
  indicatorCount: z.number().int(),
})
export type VersionSummary = z.infer<typeof VersionSummarySchema>

export const FrameworkSummarySchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: LocalizedTextSchema,
  baseLocale: z.enum(CONTENT_LOCALES),
  versions: z.array(VersionSummarySchema),
  abilities: z.array(z.string()),
})
export type FrameworkSummary = z.infer<typeof FrameworkSummarySchema>

export const AreaSchema = AreaDocSchema.extend({ id: IdSchema, version: z.number().int() })
export type Area = z.infer<typeof AreaSchema>
export const IndicatorSchema = IndicatorDocSchema.extend({ id: IdSchema, version: z.number().int() })
export type Indicator = z.infer<typeof IndicatorSchema>

/** Missing translations per content locale: texts that exist in the base locale but not in this one. */
export const TranslationCountsSchema = z.record(
  z.string(),
  z.object({ total: z.number().int(), missing: z.number().int() }),
)

export const VersionDetailSchema = z.object({
  id: IdSchema,
  framework: z.object({
    id: IdSchema,
    code: z.string(),
    name: LocalizedTextSchema,
    baseLocale: z.enum(CONTENT_LOCALES),
  }),
  label: z.string(),
  status: z.enum(VERSION_STATUSES),
  basedOn: z.object({ id: IdSchema, label: z.string() }).nullable(),
  notes: LocalizedTextSchema,
  publishedAt: TimestampSchema.nullable(),
  version: z.number().int(),
  areas: z.array(AreaSchema),
  indicators: z.array(IndicatorSchema),
  retired: z.array(z.object({ code: z.string(), title: LocalizedTextSchema })),
  translations: TranslationCountsSchema,
  abilities: z.array(z.string()),
})
export type VersionDetail = z.infer<typeof VersionDetailSchema>

export const VersionParamsSchema = z.object({ versionId: IdSchema })
export const IndicatorParamsSchema = z.object({ versionId: IdSchema, code: IndicatorCodeSchema })
export const AreaParamsSchema = z.object({ versionId: IdSchema, areaCode: z.string().max(20) })

export const CreateDraftBodySchema = z.object({ label: FrameworkDocSchema.shape.version.shape.label })
export const UpdateVersionBodySchema = z.object({
  version: VersionSchema,
  label: FrameworkDocSchema.shape.version.shape.label.optional(),
  notes: LocalizedTextSchema.optional(),
})
export const VersionCheckBodySchema = z.object({ version: VersionSchema })

export const UpdateIndicatorBodySchema = IndicatorDocSchema.omit({ lineage: true })
  .partial()
  .extend({ version: VersionSchema })
export type UpdateIndicatorBody = z.infer<typeof UpdateIndicatorBodySchema>
export const CreateIndicatorBodySchema = IndicatorDocSchema.omit({ lineage: true })
export type CreateIndicatorBody = z.infer<typeof CreateIndicatorBodySchema>

export const MergeIndicatorsBodySchema = z.object({
  codes: z.array(IndicatorCodeSchema).min(2).max(10),
  into: z.object({ code: IndicatorCodeSchema, title: LocalizedTextSchema }),
})
export const SplitIndicatorBodySchema = z.object({
  into: z
    .array(z.object({ code: IndicatorCodeSchema, title: LocalizedTextSchema }))
    .min(2)
    .max(10),
})

export const UpdateAreaBodySchema = AreaDocSchema.omit({ code: true }).partial().extend({ version: VersionSchema })
export const CreateAreaBodySchema = AreaDocSchema

/** One line of a diff between two versions. */
export const DiffEntrySchema = z.object({
  change: z.enum(['added', 'retired', 'changed', 'renamed', 'merged', 'split']),
  /** Codes in the older version. */
  from: z.array(z.string()),
  /** Codes in the newer version. */
  to: z.array(z.string()),
  /** Fields whose content changed (for changed and renamed). */
  fields: z.array(z.string()),
})
export type DiffEntry = z.infer<typeof DiffEntrySchema>
export const VersionDiffSchema = z.object({
  from: z.object({ id: IdSchema, label: z.string() }),
  to: z.object({ id: IdSchema, label: z.string() }),
  entries: z.array(DiffEntrySchema),
  unchanged: z.number().int(),
  areas: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
})
export type VersionDiff = z.infer<typeof VersionDiffSchema>

export const LineageStepSchema = z.object({
  versionId: IdSchema,
  label: z.string(),
  code: z.string(),
  title: LocalizedTextSchema,
  lineage: z.object({ type: z.enum(LINEAGE_TYPES), from: z.array(z.string()) }),
})
export const IndicatorHistorySchema = z.object({ steps: z.array(z.array(LineageStepSchema)) })

export const AdaptationItemSchema = z.object({
  code: IndicatorCodeSchema,
  excluded: z.boolean(),
  nationalNote: LocalizedTextSchema,
  nationalLegalReferences: z.array(LegalReferenceSchema).max(30),
  nationalSources: z.array(z.enum(ORGANISATION_TYPES)),
})
export type AdaptationItem = z.infer<typeof AdaptationItemSchema>

export const AdaptationSchema = z.object({
  versionId: IdSchema,
  countryCode: CountryCodeSchema,
  notes: LocalizedTextSchema,
  version: z.number().int(),
  items: z.array(AdaptationItemSchema),
  extraIndicators: z.array(IndicatorSchema),
  abilities: z.array(z.string()),
})
export type Adaptation = z.infer<typeof AdaptationSchema>
export const AdaptationParamsSchema = z.object({ versionId: IdSchema, country: CountryCodeSchema })
export const UpdateAdaptationBodySchema = z.object({
  version: z.number().int().min(0),
  notes: LocalizedTextSchema,
  items: z.array(AdaptationItemSchema).max(1000),
  extraIndicators: z.array(IndicatorDocSchema.omit({ lineage: true })).max(100),
})
export type UpdateAdaptationBody = z.infer<typeof UpdateAdaptationBodySchema>
