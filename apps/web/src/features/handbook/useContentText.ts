import { type ContentLocale, type LocalizedText, pickText } from '@thbm/shared'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

/** A Handbook text ready to show: the words, the language they are in, and whether that is a fallback. */
export interface ShownText {
  text: string
  lang: string
  missing: boolean
}

/** Picks Handbook texts in the UI language, falling back to the framework's base locale (marked as missing). */
export function useContentText(baseLocale: ContentLocale): (text: LocalizedText | undefined) => ShownText {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return useCallback(
    (text) => {
      const picked = pickText(text, locale, baseLocale)
      return { ...picked, missing: picked.missing && picked.text !== '', lang: picked.missing ? baseLocale : locale }
    },
    [locale, baseLocale],
  )
}
