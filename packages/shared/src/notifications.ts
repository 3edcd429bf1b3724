import { z } from 'zod'
import { CountryCodeSchema, IdSchema, TimestampSchema } from './common.ts'
import { IndicatorCodeSchema } from './framework.ts'

/**
 * What a notification tells its reader: an indicator was assigned to them (or their organisation), an answer was
 * returned with a comment, someone commented, a due date is within a week, or the country lead sent a reminder.
 */
export const NOTIFICATION_KINDS = [
  'assignment',
  'answer_returned',
  'assessment_returned',
  'comment',
  'deadline',
  'reminder',
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
  /** The comment of a returned answer or a comment; the personal note of a reminder the lead sent. */
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

/** Reminders the country lead sends: the same person about the same indicator at most once in this many hours. */
export const REMINDER_THROTTLE_HOURS = 24

/** Which indicators to remind about: the listed codes, or 'late' for every late indicator of the country. */
export const ReminderSelectionSchema = z.union([z.array(IndicatorCodeSchema).min(1).max(500), z.literal('late')])
export type ReminderSelection = z.infer<typeof ReminderSelectionSchema>

export const SendRemindersBodySchema = z
  .object({
    indicatorCodes: ReminderSelectionSchema,
    /** A personal note shown with the reminder (in the app and the e-mail), as written. */
    message: z.string().trim().max(1000).optional(),
  })
  .strict()
export type SendRemindersBody = z.infer<typeof SendRemindersBodySchema>

/** `?indicatorCodes=late` or `?indicatorCodes=IDN-1,IDN-2`: what a reminder would do, without sending it. */
export const ReminderPreviewQuerySchema = z.object({
  indicatorCodes: z
    .string()
    .max(6000)
    .transform((s) => (s === 'late' ? 'late' : s.split(',').filter(Boolean)))
    .pipe(ReminderSelectionSchema),
})

/**
 * What reminding did (or would do): reminders written, one per person and indicator; those skipped because that
 * person was reminded of that indicator within the throttle window; and how many different people were reminded.
 */
export const ReminderResultSchema = z.object({
  reminded: z.number().int().min(0),
  skipped: z.number().int().min(0),
  recipients: z.number().int().min(0),
})
export type ReminderResult = z.infer<typeof ReminderResultSchema>
