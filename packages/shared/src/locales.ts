/**
 * UI locales: BCP 47 tags (Montenegrin is `cnr`, ISO 639-3). Serbian Latin is generated from Serbian Cyrillic by
 * transliteration; the others are translated.
 */
export const LOCALES = ['en', 'sr-Cyrl', 'sr-Latn', 'sq', 'mk', 'bs', 'cnr'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** Each locale's name in its own language, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'sr-Cyrl': 'Српски (ћирилица)',
  'sr-Latn': 'Srpski (latinica)',
  sq: 'Shqip',
  mk: 'Македонски',
  bs: 'Bosanski',
  cnr: 'Crnogorski',
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/**
 * Languages framework content (the Handbook) can be written in. Serbian Latin content is derived from Serbian
 * Cyrillic by transliteration whenever Cyrillic text exists.
 */
export const CONTENT_LOCALES = ['en', 'sr-Cyrl', 'sr-Latn', 'sq', 'mk', 'bs', 'cnr'] as const
export type ContentLocale = (typeof CONTENT_LOCALES)[number]
