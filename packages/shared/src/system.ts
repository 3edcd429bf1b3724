import { z } from 'zod'
import { LocaleSchema } from './common.ts'

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
})

/** Configuration the web app may know. */
export const PublicConfigSchema = z.object({
  version: z.string(),
  demo: z.boolean(),
  demoAccounts: z.array(z.object({ email: z.string(), role: z.string(), countryCode: z.string().nullable() })),
  demoPassword: z.string().nullable(),
  defaultLocale: LocaleSchema,
})
export type PublicConfig = z.infer<typeof PublicConfigSchema>
