import { z } from 'zod'
import { CountryCodeSchema, EmailSchema, IdSchema, LocaleSchema, nameText, TimestampSchema } from './common.ts'
import { PASSWORD_MAX_LENGTH } from './password.ts'
import { ROLES } from './roles.ts'

export const PasswordSchema = z.string().min(1).max(PASSWORD_MAX_LENGTH)

export const LoginBodySchema = z.object({ email: EmailSchema, password: PasswordSchema })
export type LoginBody = z.infer<typeof LoginBodySchema>

export const MembershipSchema = z.object({
  id: IdSchema,
  role: z.enum(ROLES),
  countryCode: CountryCodeSchema.nullable(),
  organisationId: IdSchema.nullable(),
  organisationName: z.string().nullable(),
})
export type Membership = z.infer<typeof MembershipSchema>

export const MeSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  locale: LocaleSchema.nullable(),
  memberships: z.array(MembershipSchema),
  isDemo: z.boolean(),
})
export type Me = z.infer<typeof MeSchema>

export const MeResponseSchema = z.object({ data: MeSchema, abilities: z.array(z.string()) })
export type MeResponse = z.infer<typeof MeResponseSchema>

export const UpdateProfileBodySchema = z.object({
  name: nameText().optional(),
  locale: LocaleSchema.nullable().optional(),
})
export type UpdateProfileBody = z.infer<typeof UpdateProfileBodySchema>

export const ChangePasswordBodySchema = z.object({ currentPassword: PasswordSchema, newPassword: PasswordSchema })
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>

export const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'Malformed link token')

export const InvitationInfoSchema = z.object({
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  countryCode: CountryCodeSchema.nullable(),
  organisationName: z.string().nullable(),
  expiresAt: TimestampSchema,
})
export type InvitationInfo = z.infer<typeof InvitationInfoSchema>

export const AcceptInvitationBodySchema = z.object({ token: TokenSchema, name: nameText(), password: PasswordSchema })
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBodySchema>

export const CompletePasswordResetBodySchema = z.object({ token: TokenSchema, password: PasswordSchema })
export type CompletePasswordResetBody = z.infer<typeof CompletePasswordResetBodySchema>
