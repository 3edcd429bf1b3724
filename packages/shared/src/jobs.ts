import { z } from 'zod'
import { IdSchema, TimestampSchema } from './common.ts'

/** Where a background job stands: waiting (or waiting to retry), being run by a worker, finished, or given up. */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** A background job as its progress endpoint shows it (GET /api/jobs/:id): no payload, no result. */
export const JobViewSchema = z.object({
  id: IdSchema,
  /** What the job does, e.g. 'report.render'. */
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  /** 0 to 1. */
  progress: z.number().min(0).max(1),
  /** What it is doing now, in plain words (not translated). */
  note: z.string().nullable(),
  /** The last attempt's error, when one failed. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
})
export type JobView = z.infer<typeof JobViewSchema>

/** True once a job will not change any more. */
export const isJobFinished = (status: JobStatus): boolean => status === 'done' || status === 'failed'
