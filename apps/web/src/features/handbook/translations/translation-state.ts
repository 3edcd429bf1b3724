import {
  type ContentLocale,
  TRANSLATABLE_LOCALES,
  type TranslatableLocale,
  type TranslationGap,
  type TranslationItem,
  type TranslationText,
} from '@thbm/shared'

/** Unsaved edits of the selected item: address → locale → text. */
export type Drafts = Record<string, Partial<Record<TranslatableLocale, string>>>

/** The locales a translator can work on in a version: every one but the base (Serbian Latin is generated). */
export const localesFor = (baseLocale: ContentLocale): TranslatableLocale[] =>
  TRANSLATABLE_LOCALES.filter((l) => l !== baseLocale)

/** The locales shown, from the URL (`sq,mk`); unknown ones are dropped, none given means all of them. */
export function shownLocales(param: string | null, available: readonly TranslatableLocale[]): TranslatableLocale[] {
  if (param === null) return [...available]
  const asked = param.split(',')
  return available.filter((l) => asked.includes(l))
}

/** The value a textarea shows: the draft when there is one, else the stored text. */
export const shownValue = (text: TranslationText, drafts: Drafts, locale: TranslatableLocale): string =>
  drafts[text.address]?.[locale] ?? text.values[locale] ?? ''

/** A text has base-language words and none in the locale. */
export const isMissing = (text: TranslationText, locale: ContentLocale, base: ContentLocale): boolean =>
  Boolean(text.values[base]?.trim()) && !text.values[locale]?.trim()

/** How many texts of an item are not translated into the locale. */
export const missingIn = (item: TranslationItem, locale: ContentLocale, base: ContentLocale): number =>
  item.texts.filter((t) => isMissing(t, locale, base)).length

/** The edits that differ from what is stored (whitespace alone counts as empty: it removes a translation). */
export function changedTexts(item: TranslationItem, drafts: Drafts) {
  const changes: { address: string; locale: TranslatableLocale; text: string }[] = []
  for (const text of item.texts) {
    for (const [locale, value] of Object.entries(drafts[text.address] ?? {}) as [TranslatableLocale, string][]) {
      const next = value.trim() ? value : ''
      if (next !== (text.values[locale] ?? '')) changes.push({ address: text.address, locale, text: next })
    }
  }
  return changes
}

/** Totals per locale over the whole version. */
export function totalsByLocale(gaps: readonly TranslationGap[], locales: readonly ContentLocale[]) {
  return locales.map((locale) => {
    const rows = gaps.filter((g) => g.locale === locale)
    return {
      locale,
      total: rows.reduce((n, g) => n + g.total, 0),
      missing: rows.reduce((n, g) => n + g.missing, 0),
    }
  })
}

/** Missing counts of one area (null: the framework's own texts) per locale. */
export const areaMissing = (gaps: readonly TranslationGap[], areaCode: string | null, locale: ContentLocale) =>
  gaps.find((g) => g.areaCode === areaCode && g.locale === locale)?.missing ?? 0

export interface ItemGroup {
  /** null: the framework's name and notes. */
  areaCode: string | null
  items: TranslationItem[]
}

/** Items grouped for the list: the framework first, then each area with its own texts and its indicators. */
export function groupItems(items: readonly TranslationItem[]): ItemGroup[] {
  const groups: ItemGroup[] = []
  for (const item of items) {
    let group = groups.find((g) => g.areaCode === item.areaCode)
    if (!group) {
      group = { areaCode: item.areaCode, items: [] }
      groups.push(group)
    }
    group.items.push(item)
  }
  return groups
}
