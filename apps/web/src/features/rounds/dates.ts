import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/** Today as YYYY-MM-DD in UTC, the way the server compares due dates. */
export const todayIso = (now = new Date()): string => now.toISOString().slice(0, 10)

/**
 * Calendar dates (YYYY-MM-DD, no time) and times of day in the active locale. Dates are read and shown in UTC, so a
 * due date never shifts by a day in another time zone.
 */
export function useDates() {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' })
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    const parse = (iso: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso)
    const safe = (fmt: Intl.DateTimeFormat, iso: string | null | undefined) => {
      if (!iso) return ''
      const d = parse(iso)
      return Number.isNaN(d.getTime()) ? iso : fmt.format(d)
    }
    return {
      date: (iso: string | null | undefined) => safe(date, iso),
      time: (d: Date) => time.format(d),
      dateTime: (iso: string | null | undefined) => safe(dateTime, iso),
      number: (n: number, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
      /** A share (0.4) as a percentage in the locale's style ("40%", "40 %"). */
      percent: (share: number, digits = 0) =>
        new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share),
    }
  }, [locale])
}
