import { z } from 'zod'
import { CountryCodeSchema, IdSchema, nameText, VersionSchema } from './common.ts'
import { LOCALES } from './locales.ts'
import { ORGANISATION_TYPES } from './roles.ts'

/** A country's name in each UI locale; English is required. */
export const LocalizedNamesSchema = z
  .object(
    Object.fromEntries(LOCALES.map((l) => [l, nameText(120).optional()])) as Record<
      (typeof LOCALES)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .refine((names) => Boolean(names.en), { message: 'An English name is required', path: ['en'] })

export const CountrySchema = z.object({
  code: CountryCodeSchema,
  names: z.record(z.string(), z.string()),
  version: z.number().int(),
  abilities: z.array(z.string()),
})
export type Country = z.infer<typeof CountrySchema>

export const CountryParamsSchema = z.object({ code: CountryCodeSchema })
export const UpdateCountryBodySchema = z.object({ version: VersionSchema, names: LocalizedNamesSchema })
export type UpdateCountryBody = z.infer<typeof UpdateCountryBodySchema>

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  countryCode: CountryCodeSchema,
  active: z.boolean(),
  version: z.number().int(),
  abilities: z.array(z.string()),
})
export type Organisation = z.infer<typeof OrganisationSchema>

export const OrganisationListQuerySchema = z.object({
  country: CountryCodeSchema.optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
})

export const CreateOrganisationBodySchema = z.object({
  name: nameText(),
  type: z.enum(ORGANISATION_TYPES),
  countryCode: CountryCodeSchema,
})
export type CreateOrganisationBody = z.infer<typeof CreateOrganisationBodySchema>

export const UpdateOrganisationBodySchema = z.object({
  version: VersionSchema,
  name: nameText().optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  active: z.boolean().optional(),
})
export type UpdateOrganisationBody = z.infer<typeof UpdateOrganisationBodySchema>

export { IdSchema }
