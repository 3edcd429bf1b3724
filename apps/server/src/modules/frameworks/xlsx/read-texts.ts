import { CONTENT_LOCALES, type ContentLocale, type LocalizedText } from '@thbm/shared'
import type { SheetTable } from './sheet-table.ts'

/** The main-sheet cell that holds a text in the base locale. */
export interface TextSource {
  table: SheetTable
  row: number
  key: string
}

/** Puts texts together: the base locale from the main sheets, every other locale from the Translations sheet. */
export interface TextReader {
  /** A text that always exists (it may still be empty). `path` is its JSON path, for locating schema issues. */
  text(address: string, path: string, source: TextSource): LocalizedText
  /**
   * An optional text: it exists when its main cell has text, when `present` says its main row exists, or when the
   * Translations sheet has a row for it.
   */
  optional(address: string, path: string, source: TextSource | null, present?: boolean): LocalizedText | undefined
  /** Reports Translations rows that no text used (an address with a typo, or a code renamed elsewhere). */
  reportUnused(): void
}

interface Entry {
  row: number
  values: Partial<Record<ContentLocale, string>>
}

/** Reads the Translations sheet (column "address", one column per content locale) into a TextReader. */
export function readTexts(translations: SheetTable, base: ContentLocale): TextReader {
  const entries = new Map<string, Entry>()
  for (const row of translations.rows) {
    const address = translations.required(row, 'address')
    if (address === undefined) continue
    const earlier = entries.get(address)
    if (earlier) {
      translations.fail(row, 'address', `'${address}' appears twice (also on row ${earlier.row})`)
      continue
    }
    const values: Entry['values'] = {}
    for (const locale of CONTENT_LOCALES) {
      const value = translations.text(row, locale)
      if (value !== undefined) values[locale] = value
    }
    entries.set(address, { row, values })
  }
  const used = new Set<string>()

  const compose = (address: string, path: string, source: TextSource | null): LocalizedText => {
    const entry = entries.get(address)
    if (entry) used.add(address)
    if (source) {
      source.table.locate(path, source.row, source.key)
      source.table.locate(`${path}.${base}`, source.row, source.key)
    }
    const text: LocalizedText = {}
    for (const locale of CONTENT_LOCALES) {
      const value = locale === base ? source?.table.text(source.row, source.key) : entry?.values[locale]
      if (value !== undefined) text[locale] = value
      if (locale !== base && entry) translations.locate(`${path}.${locale}`, entry.row, locale)
    }
    return text
  }

  return {
    text: (address, path, source) => compose(address, path, source),
    optional(address, path, source, present = false) {
      const hasText = source !== null && Boolean(source.table.text(source.row, source.key)?.trim())
      return present || hasText || entries.has(address) ? compose(address, path, source) : undefined
    },
    reportUnused() {
      for (const [address, entry] of entries) {
        if (!used.has(address))
          translations.fail(
            entry.row,
            'address',
            `no text has the address '${address}' (was a code renamed on another sheet?)`,
          )
      }
    },
  }
}
