import { z } from 'zod'
import { CountryCodeSchema, IdSchema, TimestampSchema } from './common.ts'

/**
 * Every audit action, `noun.pastVerb`. These names are persisted in audit rows: rename one only with a data migration.
 */
export const AUDIT_ACTIONS = [
  'user.signedIn',
  'user.signedOut',
  'user.created',
  'user.updated',
  'user.profileUpdated',
  'user.passwordChanged',
  'user.passwordReset',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'passwordReset.created',
  'membership.created',
  'membership.deleted',
  'country.created',
  'country.updated',
  'organisation.created',
  'organisation.updated',
  'framework.created',
  'frameworkVersion.created',
  'frameworkVersion.imported',
  'frameworkVersion.updated',
  'frameworkVersion.published',
  'frameworkVersion.retired',
  'frameworkVersion.deleted',
  'area.created',
  'area.updated',
  'area.deleted',
  'indicator.created',
  'indicator.updated',
  'indicator.deleted',
  'indicator.merged',
  'indicator.split',
  'adaptation.updated',
  'round.created',
  'round.updated',
  'round.statusChanged',
  'assignment.updated',
  'answer.saved',
  'answer.submitted',
  'answer.returned',
  'assessment.saved',
  'assessment.submitted',
  'assessment.returned',
  'assessment.validated',
  'assessment.unlocked',
  'assessment.scoresResolved',
  'recommendation.created',
  'recommendation.updated',
  'followUp.recorded',
  'comment.created',
  'comment.resolved',
  'comment.reopened',
  'narrative.saved',
  'report.published',
  'review.created',
  'review.updated',
  'review.participantAdded',
  'review.participantRemoved',
  'review.consentChanged',
  'review.roundOpened',
  'review.roundClosed',
  'review.closed',
  'review.responseSaved',
  'review.decisionRecorded',
  'review.draftGenerated',
  'file.uploaded',
  'importBatch.applied',
  'importBatch.reverted',
  'data.seeded',
  'data.restored',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Kinds of subject audit rows name, for filtering. */
export const AUDIT_SUBJECT_TYPES = [
  'user',
  'invitation',
  'country',
  'organisation',
  'framework',
  'frameworkVersion',
  'area',
  'indicator',
  'adaptation',
  'round',
  'assignment',
  'answer',
  'assessment',
  'recommendation',
  'comment',
  'narrative',
  'file',
  'importBatch',
  'reportPublication',
  'review',
  'reviewParticipant',
  'reviewDecision',
  'installation',
] as const

export const AuditEventSchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  actor: z.object({ id: IdSchema, email: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  /** As recorded: the log shows what was stored, even a code no country has. */
  countryCode: z.string().max(100).nullable(),
  summary: z.object({ before: z.unknown().optional(), after: z.unknown().optional() }),
  requestId: z.string().nullable(),
})
export type AuditEvent = z.infer<typeof AuditEventSchema>

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')

export const AuditQuerySchema = z.object({
  userId: IdSchema.optional(),
  action: z.string().max(100).optional(),
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(100).optional(),
  country: CountryCodeSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export type AuditQuery = z.infer<typeof AuditQuerySchema>

export const AuditPageSchema = z.object({ data: z.array(AuditEventSchema), nextCursor: z.string().nullable() })
export type AuditPage = z.infer<typeof AuditPageSchema>
