import { type LocaleResources, latinFromCyrillic } from '@thbm/shared/i18n/catalog'
import en from '@thbm/shared/i18n/locales/en'
import type { Locale } from '@thbm/shared/locales'

/**
 * The UI catalogs, one chunk per locale: English (the fallback) ships with the app; every other locale downloads
 * when it is first used, so the first page stays small on a slow connection. Serbian Latin is made from the
 * Serbian Cyrillic chunk.
 */
const loaders: Record<Exclude<Locale, 'en' | 'sr-Latn'>, () => Promise<{ default: LocaleResources }>> = {
  'sr-Cyrl': () => import('@thbm/shared/i18n/locales/sr-Cyrl'),
  sq: () => import('@thbm/shared/i18n/locales/sq'),
  mk: () => import('@thbm/shared/i18n/locales/mk'),
  bs: () => import('@thbm/shared/i18n/locales/bs'),
  cnr: () => import('@thbm/shared/i18n/locales/cnr'),
}

const loaded = new Map<Locale, Promise<LocaleResources>>([['en', Promise.resolve(en)]])

export const englishCatalogs: LocaleResources = en

/** A locale's catalogs, downloaded once. */
export function loadCatalogs(locale: Locale): Promise<LocaleResources> {
  let pending = loaded.get(locale)
  if (!pending) {
    pending =
      locale === 'sr-Latn'
        ? loadCatalogs('sr-Cyrl').then(latinFromCyrillic)
        : loaders[locale as keyof typeof loaders]().then((m) => m.default)
    // A failed download (offline) may be tried again later.
    pending.catch(() => loaded.delete(locale))
    loaded.set(locale, pending)
  }
  return pending
}
