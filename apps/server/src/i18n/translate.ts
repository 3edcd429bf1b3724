import { CONTENT_LOCALES, cyrillicToLatin, type Locale, type LocalizedText } from '@thbm/shared'
import { type Catalog, resources } from '@thbm/shared/i18n'
import { IntlMessageFormat } from 'intl-messageformat'

/** Values an ICU message may use. */
export type MessageValues = Record<string, string | number | Date>

const cache = new Map<string, IntlMessageFormat>()

/**
 * A message of the catalogs (`ns:dotted.key`) in a locale, formatted with ICU (plurals, numbers). Throws on a
 * missing key, so a document can never be produced with a label missing.
 */
export function translate(locale: Locale, key: string, values: MessageValues = {}): string {
  const cacheKey = `${locale}\u0000${key}`
  let format = cache.get(cacheKey)
  if (!format) {
    const [ns, dotted] = key.split(':') as [string, string | undefined]
    let node: Catalog | string | undefined = resources[locale]?.[ns as keyof (typeof resources)[Locale]]
    for (const part of (dotted ?? '').split('.')) node = typeof node === 'object' ? node[part] : undefined
    if (typeof node !== 'string') throw new Error(`No message ${key} in ${locale}`)
    format = new IntlMessageFormat(node, locale)
    cache.set(cacheKey, format)
  }
  return String(format.format(values))
}

/** A translator bound to one locale. */
export type Translate = (key: string, values?: MessageValues) => string

export function translator(locale: Locale): Translate {
  return (key, values) => translate(locale, key, values)
}

/**
 * A framework text in a locale, with fallback: the locale itself; for Serbian Latin, the Serbian Cyrillic text
 * transliterated; then English; then any language that has it; else an empty string.
 */
export function localize(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return ''
  const own = text[locale as keyof LocalizedText]
  if (own?.trim()) return own
  if (locale === 'sr-Latn' && text['sr-Cyrl']?.trim()) return cyrillicToLatin(text['sr-Cyrl'])
  if (text.en?.trim()) return text.en
  for (const l of CONTENT_LOCALES) {
    const other = text[l]
    if (other?.trim()) return other
  }
  return ''
}

/** Number and date formatting with Intl in one locale. */
export interface Formatter {
  locale: Locale
  number: (n: number, digits?: number) => string
  /** A 0-100 percentage, e.g. 41.7 → "41.7%". */
  percent: (n: number, digits?: number) => string
  money: (n: number, currency: string) => string
  /** A date (or timestamp) as a long date; the input as given when it does not parse. */
  date: (iso: string) => string
}

export function formatter(locale: Locale): Formatter {
  const numbers = new Map<number, Intl.NumberFormat>()
  const numberFormat = (digits: number) => {
    let f = numbers.get(digits)
    if (!f) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })
      numbers.set(digits, f)
    }
    return f
  }
  // English documents are European: day before month.
  const dates = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone: 'UTC' })
  return {
    locale,
    number: (n, digits = 1) => numberFormat(digits).format(n),
    percent: (n, digits = 1) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(n / 100),
    money: (n, currency) => {
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n)
      } catch {
        return `${numberFormat(0).format(n)} ${currency}`
      }
    },
    date: (iso) => {
      const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
      return Number.isNaN(d.getTime()) ? iso : dates.format(d)
    },
  }
}
