import { Box, Button, Menu } from '@mantine/core'
import { LOCALE_NAMES, LOCALES, type Locale } from '@thbm/shared/locales'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { CheckIcon, LanguageIcon } from '../../components/icons.tsx'
import { storeLocale } from '../../i18n/i18n.ts'
import { switchLocalePath } from './portal-data.ts'

/**
 * The portal's language menu. The language is part of the address, so a choice opens the same page under another
 * `/public/<lang>`; it is remembered on this device (for the sign-in page), never saved to a profile.
 */
export function PortalLanguageSwitcher({ current }: { current: Locale }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const choose = (locale: Locale) => {
    storeLocale(locale)
    navigate(`${switchLocalePath(location.pathname, locale)}${location.search}${location.hash}`)
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<LanguageIcon />}
          aria-label={t('common:language.button', { language: LOCALE_NAMES[current] })}
          px="xs"
        >
          <Box component="span" lang={current} visibleFrom="xs">
            {LOCALE_NAMES[current]}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('common:language.label')}</Menu.Label>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            onClick={() => choose(locale)}
            rightSection={locale === current ? <CheckIcon size={14} /> : null}
            aria-current={locale === current ? 'true' : undefined}
          >
            {LOCALE_NAMES[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
