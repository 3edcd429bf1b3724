import {
  CONTENT_LOCALES,
  type ContentLocale,
  type LocalizedText,
  TRANSLATABLE_LOCALES,
  type TranslatableLocale,
  type TranslationGap,
  type TranslationItem,
  type TranslationOverview,
  type VersionStatus,
} from '@thbm/shared'
import { type LoadedVersion, toFrameworkDoc } from '../frameworks.queries.ts'
import { indexTexts, itemKey, type TextEntry } from './text-index.ts'

/** Whether a text has a value in a locale; Serbian Latin is there whenever Serbian Cyrillic is (it is generated). */
export function hasLocale(text: LocalizedText, locale: ContentLocale): boolean {
  if (text[locale]?.trim()) return true
  return locale === 'sr-Latn' && Boolean(text['sr-Cyrl']?.trim())
}

/** Locales a translator may write in a version with this base locale: never the base, never Serbian Latin. */
export function writableLocales(baseLocale: string): TranslatableLocale[] {
  return TRANSLATABLE_LOCALES.filter((l) => l !== baseLocale)
}

/** The items of a version (framework, areas, indicators) with their row versions, in document order. */
export function translationItems(v: LoadedVersion, index: Map<string, TextEntry>): TranslationItem[] {
  const items: TranslationItem[] = [
    { key: itemKey.framework, kind: 'framework', code: null, areaCode: null, version: v.row.version, texts: [] },
    ...v.areas.map((a) => ({
      key: itemKey.area(a.code),
      kind: 'area' as const,
      code: a.code,
      areaCode: a.code,
      version: a.version,
      texts: [],
    })),
    ...v.indicators.map((i) => ({
      key: itemKey.indicator(i.code),
      kind: 'indicator' as const,
      code: i.code,
      areaCode: i.area,
      version: i.version,
      texts: [],
    })),
  ]
  const byKey = new Map(items.map((item) => [item.key, item]))
  for (const entry of index.values()) {
    byKey.get(entry.itemKey)?.texts.push({
      address: entry.address,
      field: entry.field,
      key: entry.key,
      values: { ...entry.text },
    })
  }
  return items
}

/**
 * Missing translations per area (null: the framework's own texts) and content locale other than the base: texts with
 * base-locale text, and how many of them have nothing in the locale.
 */
export function translationGaps(items: TranslationItem[], baseLocale: ContentLocale): TranslationGap[] {
  const groups = new Map<string | null, LocalizedText[]>()
  for (const item of items) {
    const list = groups.get(item.areaCode) ?? []
    list.push(...item.texts.map((t) => t.values).filter((t) => t[baseLocale]?.trim()))
    groups.set(item.areaCode, list)
  }
  const gaps: TranslationGap[] = []
  for (const [areaCode, texts] of groups) {
    for (const locale of CONTENT_LOCALES) {
      if (locale === baseLocale) continue
      gaps.push({ areaCode, locale, total: texts.length, missing: texts.filter((t) => !hasLocale(t, locale)).length })
    }
  }
  return gaps
}

/** The translation editor's view of a version; `mayTranslate` is the actor's 'framework.translate' ability. */
export function translationOverview(v: LoadedVersion, mayTranslate: boolean): TranslationOverview {
  const doc = toFrameworkDoc(v)
  const items = translationItems(v, indexTexts(doc))
  const status = v.row.status as VersionStatus
  return {
    versionId: v.row.id,
    label: v.row.label,
    status,
    baseLocale: doc.framework.baseLocale,
    editableLocales: mayTranslate && status !== 'retired' ? writableLocales(doc.framework.baseLocale) : [],
    items,
    gaps: translationGaps(items, doc.framework.baseLocale),
  }
}
