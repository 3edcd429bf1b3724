import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.ts'
import type { Role } from './roles.ts'

/**
 * The user guide (docs/user-guide/<language>/<chapter>.md), served at /guide/:lang/:chapter. One chapter per role,
 * plus the index (signing in, the common parts of the app). Both written languages have the same chapters and the
 * same section anchors, so a link to `chapter#anchor` works in every language.
 */
export const GUIDE_CHAPTERS = [
  'index',
  'regional-coordinator',
  'country-lead',
  'expert',
  'data-provider',
  'observer',
  'administrator',
] as const
export type GuideChapter = (typeof GUIDE_CHAPTERS)[number]

/** Languages the guide is written in; Serbian Latin is transliterated from Serbian Cyrillic. */
export const GUIDE_SOURCE_LANGUAGES = ['en', 'sr-Cyrl'] as const
export type GuideSourceLanguage = (typeof GUIDE_SOURCE_LANGUAGES)[number]

/** Each role's chapter. */
export const GUIDE_CHAPTER_OF_ROLE: Record<Role, GuideChapter> = {
  admin: 'administrator',
  regional_coordinator: 'regional-coordinator',
  country_lead: 'country-lead',
  expert: 'expert',
  data_provider: 'data-provider',
  observer: 'observer',
}

export function isGuideChapter(value: unknown): value is GuideChapter {
  return typeof value === 'string' && (GUIDE_CHAPTERS as readonly string[]).includes(value)
}

/**
 * Which written guide a UI locale reads: its own, Serbian Cyrillic transliterated for Serbian Latin, or English with
 * a note for the locales the guide is not written in yet.
 */
export function guideSource(locale: Locale): {
  source: GuideSourceLanguage
  transliterate: boolean
  fallback: boolean
} {
  if (locale === 'en' || locale === 'sr-Cyrl') return { source: locale, transliterate: false, fallback: false }
  if (locale === 'sr-Latn') return { source: 'sr-Cyrl', transliterate: true, fallback: false }
  return { source: 'en', transliterate: false, fallback: true }
}

/** The address of a guide chapter (and section) in a UI locale; an unknown locale reads the default one. */
export function guideHref(locale: string, chapter: GuideChapter, anchor?: string): string {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE
  return `/guide/${lang}/${chapter}${anchor ? `#${anchor}` : ''}`
}
