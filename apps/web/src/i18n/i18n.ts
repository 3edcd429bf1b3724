import { NAMESPACES, type Namespace } from '@thbm/shared/i18n/catalog'
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@thbm/shared/locales'
import i18next, { type i18n as I18n } from 'i18next'
import ICU from 'i18next-icu'
import { initReactI18next } from 'react-i18next'
import { englishCatalogs, loadCatalogs } from './catalogs.ts'
import { fallbackWatcher, reportTextProblem, textForMissingKey } from './missing.ts'

const STORAGE_KEY = 'thbm.locale'

/** Maps a browser language tag (`sr`, `sr-RS`, `sr-Latn-RS`, `en-GB`) to a UI locale, or null. */
export function localeFromTag(tag: string): Locale | null {
  const lower = tag.toLowerCase()
  if (isLocale(tag)) return tag
  if (lower.startsWith('cnr') || lower === 'sr-me' || lower === 'sr-latn-me') return 'cnr'
  if (lower.startsWith('sr')) return lower.includes('latn') ? 'sr-Latn' : 'sr-Cyrl'
  for (const locale of ['sq', 'mk', 'bs'] as const)
    if (lower === locale || lower.startsWith(`${locale}-`)) return locale
  if (lower.startsWith('en')) return 'en'
  return null
}

/** The first of the browser's preferred languages the app speaks, or null. */
export function browserLocale(
  languages: readonly string[] = navigator.languages ?? [navigator.language],
): Locale | null {
  for (const tag of languages) {
    const locale = localeFromTag(tag)
    if (locale) return locale
  }
  return null
}

/** The locale chosen on this device before signing in (kept across reloads), or null. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isLocale(value) ? value : null
  } catch {
    return null
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private browsing can refuse storage; the choice then lasts for this page only.
  }
}

/** Keeps `<html lang>` in step with the active locale, so screen readers pronounce the page correctly. */
function syncDocumentLang(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}

/** Loads a locale's catalogs on first use (English is bundled; see catalogs.ts). */
const lazyCatalogs = {
  type: 'backend' as const,
  init() {},
  read(language: string, namespace: string, callback: (error: unknown, data: unknown) => void) {
    if (!isLocale(language)) return callback(null, {})
    loadCatalogs(language).then(
      (catalogs) => callback(null, catalogs[namespace as Namespace] ?? {}),
      (error: unknown) => callback(error, null),
    )
  },
}

/** Creates and initialises the i18next instance with ICU messages, English bundled and other locales on demand. */
export async function createI18n(initial: Locale = storedLocale() ?? browserLocale() ?? DEFAULT_LOCALE): Promise<I18n> {
  const instance = i18next.createInstance()
  instance.on('languageChanged', syncDocumentLang)
  // A message whose arguments were not all given (or that does not parse) shows as written, and is reported.
  const icu = new ICU({
    parseErrorHandler: (error, key, message) => {
      reportTextProblem({ kind: 'format', locale: instance.language, key, detail: error.message })
      return message
    },
  })
  await instance
    .use(icu)
    .use(lazyCatalogs)
    .use(fallbackWatcher)
    .use(initReactI18next)
    .init({
      resources: { en: englishCatalogs },
      partialBundledLanguages: true,
      lng: initial,
      fallbackLng: 'en',
      supportedLngs: [...LOCALES],
      load: 'currentOnly',
      ns: [...NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      returnNull: false,
      // Missing texts are reported (missing.ts), never shown as a raw `namespace:key`: the default value the code
      // gave, or the key's last part in words. A key only English has is shown in English and reported too.
      saveMissing: true,
      saveMissingTo: 'current',
      missingKeyHandler: (_lngs, ns, key) =>
        reportTextProblem({ kind: 'missing', locale: instance.language, key: `${ns}:${key}` }),
      parseMissingKeyHandler: (key, defaultValue) => textForMissingKey(key, defaultValue),
      postProcess: [fallbackWatcher.name],
      postProcessPassResolved: true,
    })
  syncDocumentLang(instance.language)
  return instance
}

/** The active UI locale of an i18next instance. */
export function activeLocale(instance: I18n): Locale {
  return isLocale(instance.language) ? instance.language : DEFAULT_LOCALE
}
