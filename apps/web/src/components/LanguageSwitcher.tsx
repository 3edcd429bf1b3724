import { Box, Button, Menu } from '@mantine/core'
import { LOCALE_NAMES, LOCALES, type Locale } from '@thbm/shared/locales'
import { useTranslation } from 'react-i18next'
import { activeLocale } from '../i18n/i18n.ts'
import { useSwitchLocale } from '../i18n/locale-sync.ts'
import { CheckIcon, LanguageIcon } from './icons.tsx'

/** The language menu: each language named in itself, the current one checked; `onSelect` applies a choice. */
export function LanguageMenu({ current, onSelect }: { current: Locale; onSelect: (locale: Locale) => void }) {
  const { t } = useTranslation()
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
            onClick={() => onSelect(locale)}
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

/** The app's language menu: the choice is saved to the profile when signed in. */
export function LanguageSwitcher() {
  const { i18n } = useTranslation()
  const switchLocale = useSwitchLocale()
  return <LanguageMenu current={activeLocale(i18n)} onSelect={switchLocale} />
}
