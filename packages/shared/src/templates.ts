import { z } from 'zod'
import { CountryCodeSchema, IdSchema, LocaleSchema, TimestampSchema } from './common.ts'
import { JOB_STATUSES } from './jobs.ts'

/**
 * XLSX templates for offline work: a country's data providers download a workbook for a round, fill it offline and
 * upload it; the upload applies as one import batch (answers saved as drafts) that the country lead can revert.
 */

/** Largest template upload. */
export const TEMPLATE_UPLOAD_MAX_BYTES = 20 * 1024 * 1024

export const TemplateQuerySchema = z.object({
  /** Only this organisation's rows; default: every organisation the actor may answer for. */
  organisation: IdSchema.optional(),
  /** Language of the Instructions sheet, headers, labels and indicator titles. */
  lang: LocaleSchema.default('en'),
})
export type TemplateQuery = z.infer<typeof TemplateQuerySchema>

export const ImportBatchParamsSchema = z.object({
  roundId: IdSchema,
  country: CountryCodeSchema,
  batchId: IdSchema,
})

export const RevertImportBatchBodySchema = z.object({ reason: z.string().trim().min(1).max(2000) })
export type RevertImportBatchBody = z.infer<typeof RevertImportBatchBodySchema>

/** Where an import batch came from: an upload through the API, or the command line. */
export const IMPORT_SOURCES = ['upload', 'cli'] as const

export const ImportBatchSchema = z.object({
  id: IdSchema,
  roundId: IdSchema,
  countryCode: CountryCodeSchema,
  source: z.enum(IMPORT_SOURCES),
  fileName: z.string().nullable(),
  organisations: z.array(z.object({ id: IdSchema, name: z.string() })),
  createdAt: TimestampSchema,
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  /** Answers the batch created, and existing answers it changed. */
  counts: z.object({ created: z.number().int(), updated: z.number().int() }),
  revertedAt: TimestampSchema.nullable(),
  revertedBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  revertReason: z.string().nullable(),
  abilities: z.array(z.string()),
})
export type ImportBatch = z.infer<typeof ImportBatchSchema>

/** A problem or warning in an uploaded template, located as `Sheet!A1`. */
export const TemplateIssueSchema = z.object({ path: z.string(), message: z.string(), code: z.string().optional() })

export const TemplateImportResultSchema = z.object({
  /** null when the workbook changed nothing (no batch is written then). */
  batch: ImportBatchSchema.nullable(),
  /** Answers left as they were: untouched in the workbook, or filled with the values they already had. */
  unchanged: z.number().int(),
  /** Checks that do not block a draft but will need attention before submission (parts, large changes, …). */
  warnings: z.array(TemplateIssueSchema),
})
export type TemplateImportResult = z.infer<typeof TemplateImportResultSchema>

/** What a template import job is doing: reading the workbook, checking its rows, saving the answers. */
export const TEMPLATE_IMPORT_PHASES = ['reading', 'checking', 'saving'] as const
export type TemplateImportPhase = (typeof TEMPLATE_IMPORT_PHASES)[number]

/**
 * A large upload imported in the background (202 from the upload; then GET …/template/imports/:jobId): its progress
 * until it is done, then the result the upload would have answered. A refused workbook answers that route with the
 * upload's own error (400, 403 or 409 with every problem).
 */
export const TemplateImportJobSchema = z.object({
  jobId: IdSchema,
  status: z.enum(JOB_STATUSES),
  /** 0 to 1. */
  progress: z.number().min(0).max(1),
  phase: z.enum(TEMPLATE_IMPORT_PHASES).nullable(),
  result: TemplateImportResultSchema.nullable(),
})
export type TemplateImportJob = z.infer<typeof TemplateImportJobSchema>

export const TemplateImportJobParamsSchema = z.object({
  roundId: IdSchema,
  country: CountryCodeSchema,
  jobId: IdSchema,
})
