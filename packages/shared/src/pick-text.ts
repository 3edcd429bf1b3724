import type { ContentLocale } from './locales.ts'

/** A text in several content locales (the type of LocalizedText without its schema, for light imports). */
type Texts = Partial<Record<ContentLocale, string>>

/** The text in a locale, falling back to the base locale; `missing` tells the UI to mark the fallback. */
export function pickText(
  text: Texts | undefined,
  locale: string,
  baseLocale: ContentLocale,
): { text: string; missing: boolean } {
  const own = text?.[locale as ContentLocale]
  if (own) return { text: own, missing: false }
  return { text: text?.[baseLocale] ?? '', missing: true }
}
