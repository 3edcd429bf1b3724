/** Formats a calendar date (`YYYY-MM-DD`) or a timestamp in a locale, as the same day everywhere (UTC). */
export function formatDay(iso: string, locale: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}
