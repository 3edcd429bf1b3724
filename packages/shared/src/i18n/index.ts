import { DEFAULT_LOCALE, LOCALES, type Locale } from '../locales.ts'
import { type LocaleResources, latinFromCyrillic } from './catalog.ts'
import bs from './locales/bs.ts'
import cnr from './locales/cnr.ts'
import en from './locales/en.ts'
import mk from './locales/mk.ts'
import sq from './locales/sq.ts'
import srCyrl from './locales/sr-Cyrl.ts'

export * from './catalog.ts'

/**
 * Every catalog of every locale, for the server and the checks. The web app loads one locale at a time instead
 * (apps/web/src/i18n/catalogs.ts).
 */

/** The catalogs written by hand: English (the source) and the translations. Serbian Latin is generated. */
export const SOURCE_RESOURCES = { en, 'sr-Cyrl': srCyrl, sq, mk, bs, cnr } satisfies Record<
  Exclude<Locale, 'sr-Latn'>,
  LocaleResources
>

/** Every UI locale's catalogs. */
export const resources: Record<Locale, LocaleResources> = {
  ...SOURCE_RESOURCES,
  'sr-Latn': latinFromCyrillic(srCyrl),
}

export { DEFAULT_LOCALE, LOCALES, type Locale }
