import type { Locale } from '@thbm/shared/locales'
import { useLocation, useNavigate } from 'react-router'
import { LanguageMenu } from '../../components/LanguageSwitcher.tsx'
import { storeLocale } from '../../i18n/i18n.ts'
import { switchLocalePath } from './portal-data.ts'

/**
 * The portal's language menu. The language is part of the address, so a choice opens the same page under another
 * `/public/<lang>`; it is remembered on this device (for the sign-in page), never saved to a profile.
 */
export function PortalLanguageSwitcher({ current }: { current: Locale }) {
  const navigate = useNavigate()
  const location = useLocation()
  const choose = (locale: Locale) => {
    storeLocale(locale)
    navigate(`${switchLocalePath(location.pathname, locale)}${location.search}${location.hash}`)
  }
  return <LanguageMenu current={current} onSelect={choose} />
}
