import type { Country } from '@thbm/shared'

/** A country's name in the active locale, falling back to English and then to its code. */
export function countryName(country: Pick<Country, 'code' | 'names'>, locale: string): string {
  return country.names[locale] || country.names.en || country.code
}

/**
 * Items in alphabetical order of their names in the UI language (its alphabet and rules, e.g. Serbian Cyrillic
 * "Косово" before "Србија"), for lists where countries are looked up by name. Returns a new array.
 */
export function sortByName<T>(items: readonly T[], name: (item: T) => string, locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
  return [...items].sort((a, b) => collator.compare(name(a), name(b)))
}
