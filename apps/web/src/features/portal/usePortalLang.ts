import type { Locale } from '@thbm/shared/locales'
import { useParams } from 'react-router'
import { portalLocale } from './portal-data.ts'

/** The portal's locale, from the `:lang` segment of the address (the layout has already redirected unknown ones). */
export function usePortalLang(): Locale {
  return portalLocale(useParams().lang)
}
