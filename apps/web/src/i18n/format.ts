import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/** Date and number formatting with Intl in the active locale. */
export function useFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
    const number = new Intl.NumberFormat(locale)
    const safe = (fmt: Intl.DateTimeFormat, iso: string | null | undefined) => {
      if (!iso) return ''
      const d = new Date(iso)
      return Number.isNaN(d.getTime()) ? iso : fmt.format(d)
    }
    return {
      locale,
      dateTime: (iso: string | null | undefined) => safe(dateTime, iso),
      date: (iso: string | null | undefined) => safe(date, iso),
      number: (n: number) => number.format(n),
    }
  }, [locale])
}
