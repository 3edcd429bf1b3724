import { z } from 'zod'
import { IdSchema, TimestampSchema } from './common.ts'

const Person = z.object({ id: IdSchema, name: z.string() })

/** A comment in an indicator's thread (round × country × indicator); comments are part of the audit trail. */
export const CommentSchema = z.object({
  id: IdSchema,
  author: Person.nullable(),
  body: z.string(),
  mentions: z.array(Person),
  createdAt: TimestampSchema,
  resolvedAt: TimestampSchema.nullable(),
  resolvedBy: Person.nullable(),
  version: z.number().int(),
})
export type Comment = z.infer<typeof CommentSchema>

export const CreateCommentBodySchema = z
  .object({
    body: z.string().trim().min(1).max(5000),
    /** Round participants to notify by name. */
    mentions: z.array(IdSchema).max(20).default([]),
  })
  .strict()
export type CreateCommentBody = z.infer<typeof CreateCommentBodySchema>

export const CommentParamsSchema = z.object({
  roundId: IdSchema,
  country: z.string().regex(/^[A-Z]{2}$/),
  code: z.string().regex(/^[A-Z][A-Z0-9]{1,9}-[0-9]{1,3}[a-z]?$/),
  commentId: IdSchema,
})
export const CommentVersionBodySchema = z.object({ version: z.number().int().min(1) }).strict()

export const ThreadSchema = z.object({
  comments: z.array(CommentSchema),
  /** People who may read the thread, and so may be mentioned. */
  participants: z.array(Person),
  abilities: z.array(z.string()),
})
export type Thread = z.infer<typeof ThreadSchema>

/** Findings per area, and per country a conclusion and an executive summary; rich text kept to a safe subset. */
export const NARRATIVE_KINDS = ['finding', 'conclusion', 'summary'] as const
export type NarrativeKind = (typeof NARRATIVE_KINDS)[number]

export const SaveNarrativeBodySchema = z
  .object({
    /** 0 when the text is new. */
    version: z.number().int().min(0),
    kind: z.enum(NARRATIVE_KINDS),
    /** The area of a finding; empty for a conclusion or summary. */
    areaCode: z.string().regex(/^([A-Z][A-Z0-9]{1,9})?$/, 'Use an area code, or nothing'),
    /** HTML; the server keeps only paragraphs, headings, lists, emphasis, quotes and http(s)/mailto links. */
    html: z.string().max(200_000),
  })
  .strict()
export type SaveNarrativeBody = z.infer<typeof SaveNarrativeBodySchema>

export const NarrativeSchema = z.object({
  kind: z.enum(NARRATIVE_KINDS),
  areaCode: z.string(),
  html: z.string(),
  updatedAt: TimestampSchema,
  updatedBy: Person.nullable(),
  version: z.number().int(),
})
export type Narrative = z.infer<typeof NarrativeSchema>
