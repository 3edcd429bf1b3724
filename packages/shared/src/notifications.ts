import { z } from 'zod'
import { CountryCodeSchema, IdSchema, TimestampSchema } from './common.ts'

/**
 * What a notification tells its reader: an indicator was assigned to them (or their organisation), an answer was
 * returned with a comment, someone commented, or a due date is within a week.
 */
export const NOTIFICATION_KINDS = [
  'assignment',
  'answer_returned',
  'assessment_returned',
  'comment',
  'deadline',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** Days before a due date when the deadline reminder is sent. */
export const DEADLINE_NOTICE_DAYS = 7

const Named = z.object({ id: IdSchema, name: z.string() })

export const NotificationSchema = z.object({
  id: IdSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  round: Named,
  countryCode: CountryCodeSchema,
  indicatorCode: z.string().nullable(),
  organisation: Named.nullable(),
  /** Who caused it (null for reminders the system sends, or when that account was removed). */
  actor: Named.nullable(),
  /** The comment of a returned answer or a comment; the due date of an assignment or reminder. */
  comment: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** What the reader is asked to do: answer for an organisation, or assess as the expert. */
  role: z.enum(['provider', 'expert']).nullable(),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
})
export type Notification = z.infer<typeof NotificationSchema>

export const NotificationListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Only notifications older than this one (for paging back). */
  before: IdSchema.optional(),
})
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>

export const NotificationListSchema = z.object({
  data: z.array(NotificationSchema),
  unread: z.number().int().min(0),
})
export type NotificationList = z.infer<typeof NotificationListSchema>

export const MarkNotificationsReadBodySchema = z.union([
  z.object({ ids: z.array(IdSchema).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
])
export type MarkNotificationsReadBody = z.infer<typeof MarkNotificationsReadBodySchema>
