import { z } from 'zod'
import { CONTENT_LOCALES, type ContentLocale } from './locales.ts'
import { ORGANISATION_TYPES } from './roles.ts'

/**
 * The Handbook as data: the schema of a framework version, used for JSON import/export, the API and the editors.
 * Persisted in files people keep: change it only with a new FRAMEWORK_SCHEMA_VERSION and a converter.
 */
export const FRAMEWORK_SCHEMA = 'thbm.framework'
export const FRAMEWORK_SCHEMA_VERSION = 1

/** A text in several content locales; which one is required depends on the framework's base locale. */
export const LocalizedTextSchema = z
  .object(
    Object.fromEntries(CONTENT_LOCALES.map((l) => [l, z.string().max(20_000).optional()])) as Record<
      ContentLocale,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict()
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

export const INDICATOR_KINDS = ['structure', 'process', 'outcome'] as const
export type IndicatorKind = (typeof INDICATOR_KINDS)[number]

export const MEASUREMENT_TYPES = ['yes_partial_no', 'rubric', 'count', 'amount', 'percentage', 'text'] as const
export type MeasurementType = (typeof MEASUREMENT_TYPES)[number]

/** Optional target bands that let a count or percentage be scored: a value in [from, to) scores `score` (0-100). */
export const TargetBandSchema = z
  .object({ from: z.number(), to: z.number(), score: z.number().min(0).max(100) })
  .strict()

export const MeasurementSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('yes_partial_no'),
      descriptors: z
        .object({ yes: LocalizedTextSchema, partial: LocalizedTextSchema, no: LocalizedTextSchema })
        .strict(),
    })
    .strict(),
  z
    .object({
      type: z.literal('rubric'),
      /** Exactly five anchored descriptors, for levels 0 to 4. */
      levels: z.array(LocalizedTextSchema).length(5, 'A rubric has exactly five levels (0 to 4)'),
    })
    .strict(),
  z
    .object({
      type: z.literal('count'),
      unit: LocalizedTextSchema.optional(),
      targetBands: z.array(TargetBandSchema).optional(),
    })
    .strict(),
  z
    .object({ type: z.literal('amount'), currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 currency code') })
    .strict(),
  z
    .object({
      type: z.literal('percentage'),
      numeratorLabel: LocalizedTextSchema.optional(),
      denominatorLabel: LocalizedTextSchema.optional(),
      targetBands: z.array(TargetBandSchema).optional(),
    })
    .strict(),
  z.object({ type: z.literal('text') }).strict(),
])
export type Measurement = z.infer<typeof MeasurementSchema>

/** Standard disaggregation dimensions and their categories (codes; labels live in the UI catalogs). */
export const STANDARD_DIMENSIONS = {
  sex: ['female', 'male', 'other_unknown'],
  age_group: ['age_0_13', 'age_14_17', 'age_18_24', 'age_25_plus', 'unknown'],
  citizenship: ['national', 'other_western_balkans', 'eu', 'other', 'unknown'],
  exploitation_form: [
    'sexual',
    'forced_labour',
    'begging',
    'forced_criminality',
    'domestic_servitude',
    'forced_marriage',
    'illegal_adoption',
    'surrogacy',
    'organ_removal',
    'multiple',
    'other',
    'unknown',
  ],
  victim_status: ['identified', 'presumed'],
} as const
export type StandardDimension = keyof typeof STANDARD_DIMENSIONS
export const STANDARD_DIMENSION_CODES = Object.keys(STANDARD_DIMENSIONS) as StandardDimension[]

const CodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _')

export const CustomDimensionSchema = z
  .object({
    code: CodeSchema,
    label: LocalizedTextSchema,
    categories: z
      .array(z.object({ code: CodeSchema, label: LocalizedTextSchema }).strict())
      .min(2)
      .max(50),
  })
  .strict()
export type CustomDimension = z.infer<typeof CustomDimensionSchema>

export const LEGAL_INSTRUMENTS = [
  'coe_convention',
  'eu_directive_2011_36',
  'palermo_protocol',
  'ilo_p029',
  'un_crc',
  'eu_victims_rights_directive',
  'eu_directive_2004_81',
  'coe_convention_108',
  'osce_nrm_handbook',
  'sdg',
  'national',
  'other',
] as const
export type LegalInstrument = (typeof LEGAL_INSTRUMENTS)[number]

export const LegalReferenceSchema = z
  .object({
    instrument: z.enum(LEGAL_INSTRUMENTS),
    /** The article, paragraph or section, e.g. `10(2)`. */
    article: z.string().trim().max(100),
    /** Title of the instrument, for `national` and `other`. */
    title: z.string().trim().max(300).optional(),
  })
  .strict()
export type LegalReference = z.infer<typeof LegalReferenceSchema>

export const TOPICS = [
  'coordination',
  'data',
  'prevention',
  'identification',
  'assistance',
  'child_trafficking',
  'labour_exploitation',
  'access_to_justice',
  'compensation',
  'residence_return',
  'vulnerable_groups',
] as const
export type Topic = (typeof TOPICS)[number]

export const LINEAGE_TYPES = ['new', 'unchanged', 'reworded', 'renamed', 'merged', 'split'] as const
export type LineageType = (typeof LINEAGE_TYPES)[number]

export const LineageSchema = z
  .object({
    type: z.enum(LINEAGE_TYPES),
    /** Codes in the previous version this indicator continues: none for `new`, several for `merged`. */
    from: z.array(z.string()).max(20),
  })
  .strict()
export type Lineage = z.infer<typeof LineageSchema>

export const IndicatorCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,9}-[0-9]{1,3}[a-z]?$/, 'Use a code like IDN-3')
export const AreaCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'Use an upper-case code like IDN')

export const IndicatorDocSchema = z
  .object({
    code: IndicatorCodeSchema,
    area: AreaCodeSchema,
    title: LocalizedTextSchema,
    definition: LocalizedTextSchema,
    guidance: LocalizedTextSchema,
    kind: z.enum(INDICATOR_KINDS),
    measurement: MeasurementSchema,
    unit: LocalizedTextSchema.optional(),
    disaggregations: z.array(z.enum(STANDARD_DIMENSION_CODES as [StandardDimension, ...StandardDimension[]])).max(5),
    customDimensions: z.array(CustomDimensionSchema).max(5),
    legalReferences: z.array(LegalReferenceSchema).max(30),
    sources: z.array(z.enum(ORGANISATION_TYPES)).max(ORGANISATION_TYPES.length),
    topics: z.array(z.enum(TOPICS)).max(TOPICS.length),
    core: z.boolean(),
    frameworkIndicator: z.boolean(),
    redFlag: z.boolean(),
    weight: z.number().min(0).max(100),
    lineage: LineageSchema,
  })
  .strict()
export type IndicatorDoc = z.infer<typeof IndicatorDocSchema>

export const AreaDocSchema = z
  .object({ code: AreaCodeSchema, title: LocalizedTextSchema, description: LocalizedTextSchema })
  .strict()
export type AreaDoc = z.infer<typeof AreaDocSchema>

/** A whole framework version: what JSON export writes and import reads (areas and indicators in order). */
export const FrameworkDocSchema = z
  .object({
    schema: z.literal(FRAMEWORK_SCHEMA),
    schemaVersion: z.literal(FRAMEWORK_SCHEMA_VERSION),
    framework: z
      .object({
        code: z.string().regex(/^[A-Z][A-Z0-9_-]{1,19}$/, 'Use an upper-case code'),
        name: LocalizedTextSchema,
        baseLocale: z.enum(CONTENT_LOCALES),
      })
      .strict(),
    version: z
      .object({
        label: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,29}$/, 'Use a label like 2026.1'),
        /** The label of the version this one was made from; lineage refers to its codes. */
        basedOn: z.string().nullable(),
        notes: LocalizedTextSchema,
      })
      .strict(),
    areas: z.array(AreaDocSchema).min(1).max(50),
    indicators: z.array(IndicatorDocSchema).max(1000),
  })
  .strict()
export type FrameworkDoc = z.infer<typeof FrameworkDocSchema>
