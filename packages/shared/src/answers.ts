import { z } from 'zod'
import { IdSchema, TimestampSchema } from './common.ts'
import { type IndicatorDoc, STANDARD_DIMENSIONS } from './framework.ts'

/** An organisation's answer: draft (being written) → submitted → returned (with a comment) or validated. */
export const ANSWER_STATUSES = ['draft', 'submitted', 'returned', 'validated'] as const
export type AnswerStatus = (typeof ANSWER_STATUSES)[number]

export const CHOICES = { yes_partial_no: ['yes', 'partial', 'no'], rubric: ['0', '1', '2', '3', '4'] } as const

const amount = z.number().min(-1e15).max(1e15)

export const AnswerValueSchema = z.object({
  choice: z.string().max(20).nullable().default(null),
  number: amount.nullable().default(null),
  numerator: amount.nullable().default(null),
  denominator: amount.nullable().default(null),
  text: z.string().max(20_000).nullable().default(null),
})
export type AnswerValue = z.infer<typeof AnswerValueSchema>

export const EVIDENCE_KINDS = ['file', 'link', 'citation'] as const
export const EvidenceInputSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string().trim().min(1).max(300),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
  citation: z.string().trim().max(2000).nullable().default(null),
  fileId: IdSchema.nullable().default(null),
  /** Internal evidence never reaches the public portal. */
  internal: z.boolean().default(false),
})
export type EvidenceInput = z.infer<typeof EvidenceInputSchema>

export const CellSchema = z.object({ key: z.string().max(300), value: z.number().min(0).max(1e12) })

export const SaveAnswerBodySchema = z.object({
  /** 0 for a new answer. */
  version: z.number().int().min(0),
  noData: z.boolean().default(false),
  noDataReason: z.string().trim().max(5000).nullable().default(null),
  value: AnswerValueSchema.default({ choice: null, number: null, numerator: null, denominator: null, text: null }),
  cells: z.array(CellSchema).max(5000).default([]),
  narrative: z.string().max(50_000).nullable().default(null),
  partsExplanation: z.string().trim().max(5000).nullable().default(null),
  changeComment: z.string().trim().max(5000).nullable().default(null),
  evidence: z.array(EvidenceInputSchema).max(100).default([]),
})
export type SaveAnswerBody = z.infer<typeof SaveAnswerBodySchema>

export const AnswerCheckSchema = z.object({
  path: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
})
export type AnswerCheck = z.infer<typeof AnswerCheckSchema>

export const AnswerSchema = z.object({
  id: IdSchema,
  organisation: z.object({ id: IdSchema, name: z.string(), type: z.string() }),
  status: z.enum(ANSWER_STATUSES),
  noData: z.boolean(),
  noDataReason: z.string().nullable(),
  value: AnswerValueSchema,
  cells: z.array(CellSchema),
  narrative: z.string().nullable(),
  partsExplanation: z.string().nullable(),
  changeComment: z.string().nullable(),
  returnComment: z.string().nullable(),
  evidence: z.array(
    EvidenceInputSchema.extend({
      id: IdSchema,
      file: z.object({ id: IdSchema, name: z.string(), size: z.number(), mediaType: z.string() }).nullable(),
    }),
  ),
  checks: z.array(AnswerCheckSchema),
  updatedAt: TimestampSchema,
  updatedBy: z.string().nullable(),
  submittedAt: TimestampSchema.nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
})
export type Answer = z.infer<typeof AnswerSchema>

/** One dimension's categories for an indicator: standard or custom. */
export function dimensionsOf(
  ind: Pick<IndicatorDoc, 'disaggregations' | 'customDimensions'>,
): Map<string, readonly string[]> {
  const dims = new Map<string, readonly string[]>()
  for (const d of ind.disaggregations) dims.set(d, STANDARD_DIMENSIONS[d])
  for (const d of ind.customDimensions)
    dims.set(
      d.code,
      d.categories.map((c) => c.code),
    )
  return dims
}

/** A cell key `dim=cat;dim=cat` with dimensions in alphabetical order; null when malformed. */
export function parseCellKey(key: string): Map<string, string> | null {
  const map = new Map<string, string>()
  // Each `;`-separated part is `dim=cat`: both non-empty, one `=` only, each dimension once. (Scanned in place: it
  // runs for every cell of every save.)
  for (let start = 0; ; ) {
    const semicolon = key.indexOf(';', start)
    const end = semicolon === -1 ? key.length : semicolon
    const eq = key.indexOf('=', start)
    if (eq === -1 || eq >= end) return null
    const next = key.indexOf('=', eq + 1)
    if (next !== -1 && next < end) return null
    const dim = key.slice(start, eq)
    const cat = key.slice(eq + 1, end)
    if (!dim || !cat || map.has(dim)) return null
    map.set(dim, cat)
    if (semicolon === -1) return map
    start = semicolon + 1
  }
}

export function formatCellKey(cell: Map<string, string> | Record<string, string>): string {
  const entries = cell instanceof Map ? [...cell.entries()] : Object.entries(cell)
  return entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([d, c]) => `${d}=${c}`)
    .join(';')
}

export const IndicatorWorkSchema = z.object({
  reason: z.string(),
  /** Organisations assigned to answer, and whether the actor may answer for each. */
  organisations: z.array(z.object({ id: IdSchema, name: z.string(), assigned: z.boolean() })),
  answers: z.array(AnswerSchema),
  previous: z.array(
    z.object({
      organisationId: IdSchema,
      roundName: z.string(),
      referenceYear: z.number().int(),
      code: z.string(),
      number: z.number().nullable(),
      choice: z.string().nullable(),
    }),
  ),
  abilities: z.array(z.string()),
})
export type IndicatorWork = z.infer<typeof IndicatorWorkSchema>

export const AnswerParamsSchema = z.object({
  roundId: IdSchema,
  country: z.string().regex(/^[A-Z]{2}$/),
  code: z.string().regex(/^[A-Z][A-Z0-9]{1,9}-[0-9]{1,3}[a-z]?$/),
  organisationId: IdSchema,
})
export const SubmitAnswerBodySchema = z.object({ version: z.number().int().min(1) })

/** Submit every ready answer at once: all the actor may write in the country, or one organisation's, or some codes. */
export const SubmitAllBodySchema = z
  .object({
    organisationId: IdSchema.optional(),
    indicatorCodes: z.array(z.string().min(1).max(40)).min(1).max(1000).optional(),
  })
  .strict()
export type SubmitAllBody = z.infer<typeof SubmitAllBodySchema>

const AnswerRefSchema = z.object({ indicatorCode: z.string(), organisationId: IdSchema })
export const SubmitAllResultSchema = z.object({
  submitted: z.array(AnswerRefSchema),
  /** Drafts left as they are, each with what keeps it from being submitted. */
  notReady: z.array(
    AnswerRefSchema.extend({
      problems: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })),
    }),
  ),
})
export type SubmitAllResult = z.infer<typeof SubmitAllResultSchema>
export const ReturnAnswerBodySchema = z.object({
  version: z.number().int().min(1),
  comment: z.string().trim().min(1).max(5000),
})
