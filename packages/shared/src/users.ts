import { z } from 'zod'
import { MembershipSchema } from './auth.ts'
import {
  CountryCodeSchema,
  EmailSchema,
  IdSchema,
  LocaleSchema,
  nameText,
  TimestampSchema,
  VersionSchema,
} from './common.ts'
import { ROLES } from './roles.ts'

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  locale: LocaleSchema.nullable(),
  lastLoginAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  version: z.number().int(),
  memberships: z.array(MembershipSchema),
  abilities: z.array(z.string()),
})
export type User = z.infer<typeof UserSchema>

export const UserListQuerySchema = z.object({
  country: CountryCodeSchema.optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().max(200).optional(),
})
export type UserListQuery = z.infer<typeof UserListQuerySchema>

export const MembershipInputSchema = z.object({
  role: z.enum(ROLES),
  countryCode: CountryCodeSchema.nullable(),
  organisationId: IdSchema.nullable().default(null),
})
export type MembershipInput = z.infer<typeof MembershipInputSchema>

export const CreateInvitationBodySchema = MembershipInputSchema.extend({
  email: EmailSchema,
  name: nameText().optional(),
})
export type CreateInvitationBody = z.infer<typeof CreateInvitationBodySchema>

/** A one-time link, shown once to the person who created it. */
export const OneTimeLinkSchema = z.object({ link: z.string(), expiresAt: TimestampSchema })
export type OneTimeLink = z.infer<typeof OneTimeLinkSchema>

export const UpdateUserBodySchema = z.object({
  version: VersionSchema,
  name: nameText().optional(),
  active: z.boolean().optional(),
})
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>

export const MembershipParamsSchema = z.object({ id: IdSchema, membershipId: IdSchema })

export const InvitationIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Malformed invitation id')
export const PendingInvitationSchema = z.object({
  id: InvitationIdSchema,
  email: z.string(),
  role: z.enum(ROLES),
  countryCode: CountryCodeSchema.nullable(),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  createdByName: z.string().nullable(),
})
export type PendingInvitation = z.infer<typeof PendingInvitationSchema>
