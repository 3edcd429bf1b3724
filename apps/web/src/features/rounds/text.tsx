import type { LocalizedText, Round } from '@thbm/shared'
import { CONTENT_LOCALES, type ContentLocale } from '@thbm/shared/locales'
import { pickText } from '@thbm/shared/pick-text'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

/** A Handbook text ready to show: the words, the language they are in, and whether that is a fallback. */
export interface ShownText {
  text: string
  lang: string
  missing: boolean
}

/** Picks texts in the UI language, falling back to the framework's base language (marked as such). */
export function useLocalText(baseLocale: ContentLocale = 'en'): (text: LocalizedText | undefined) => ShownText {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return useCallback(
    (text) => {
      const picked = pickText(text, locale, baseLocale)
      if (picked.text) return { ...picked, lang: picked.missing ? baseLocale : locale }
      // Neither the UI nor the base language: any language is better than nothing.
      const other = CONTENT_LOCALES.find((l) => text?.[l])
      return { text: other ? (text?.[other] ?? '') : '', lang: other ?? locale, missing: Boolean(other) }
    },
    [locale, baseLocale],
  )
}

/** A Handbook text inline, in its own language (`lang`), so screen readers read a fallback text correctly. */
export function ContentText({ text, baseLocale }: { text: LocalizedText | undefined; baseLocale?: ContentLocale }) {
  const shown = useLocalText(baseLocale)(text)
  return <span lang={shown.lang}>{shown.text}</span>
}

/** The name of a round's focus: a standard topic, the custom topic's own name, or "no focus". */
export function useFocusName(): (round: Pick<Round, 'focus' | 'focusLabel'>) => string {
  const { t } = useTranslation()
  const pick = useLocalText()
  return (round) => {
    if (round.focus === null) return t('rounds:focus.none')
    if (round.focus === 'custom') return pick(round.focusLabel).text || t('rounds:focus.custom')
    return t(`rounds:focus.${round.focus}`)
  }
}
