import { z } from 'zod'
import { LOCALES } from './locales.ts'

export const IdSchema = z.uuid()
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter upper-case country code')
export const EmailSchema = z.email().max(254)
/** Optimistic-lock version of a row; a write based on a stale version gets 409. */
export const VersionSchema = z.number().int().min(1)
export const LocaleSchema = z.enum(LOCALES)
export const TimestampSchema = z.string()
/** Text a person types: trimmed, at least one visible character, bounded. */
export const nameText = (max = 200) => z.string().trim().min(1).max(max)

export const IdParamsSchema = z.object({ id: IdSchema })
export const OkResponseSchema = z.object({ ok: z.literal(true) })

/** Actions the actor may take on a resource, for the web app to show or hide controls. */
export const AbilitiesSchema = z.array(z.string())
