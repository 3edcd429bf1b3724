import { CONTENT_LOCALES, type ContentLocale, type LocalizedText } from '@thbm/shared'

/** The UI locale as a content locale (every UI locale is one), or null. */
export function contentLocale(uiLocale: string): ContentLocale | null {
  return (CONTENT_LOCALES as readonly string[]).includes(uiLocale) ? (uiLocale as ContentLocale) : null
}

/** The languages a text is edited in: the framework's base locale, and the UI language when it differs. */
export function editLocales(baseLocale: ContentLocale, uiLocale: string): ContentLocale[] {
  const ui = contentLocale(uiLocale)
  return ui && ui !== baseLocale ? [baseLocale, ui] : [baseLocale]
}

/** Serbian Latin is generated from Serbian Cyrillic whenever Cyrillic text exists; it is then not edited by hand. */
export function isDerivedLocale(text: LocalizedText | undefined, locale: ContentLocale): boolean {
  return locale === 'sr-Latn' && Boolean(text?.['sr-Cyrl']?.trim())
}

/** The text with one language set (or removed when blank); every other language is kept as it was. */
export function setLocaleText(text: LocalizedText | undefined, locale: ContentLocale, value: string): LocalizedText {
  const next: LocalizedText = { ...(text ?? {}) }
  if (value.trim() === '') delete next[locale]
  else next[locale] = value
  return next
}

/** True when the text has no words in the locale. */
export const isBlank = (text: LocalizedText | undefined, locale: ContentLocale): boolean => !text?.[locale]?.trim()
