import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core'
import { isLocale } from '@thbm/shared/locales'
import { Suspense, useLayoutEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, Outlet, useLocation, useParams } from 'react-router'
import { useMe } from '../../app/queries.ts'
import { HelpLink } from '../../components/help/HelpLink.tsx'
import { PageLoader } from '../../components/PageLoader.tsx'
import { SkipLink } from '../../components/SkipLink.tsx'
import { PortalLanguageSwitcher } from './PortalLanguageSwitcher.tsx'
import { portalLocale, portalPath, switchLocalePath } from './portal-data.ts'

/**
 * The frame of the public portal: the tool's name, the language menu and a sign-in link, over a wide main column.
 * The `:lang` segment of the address sets the UI language (and `<html lang>`); an unknown one redirects to the
 * default language, keeping the rest of the address.
 */
export default function PortalLayout() {
  const { lang } = useParams()
  const location = useLocation()
  const { t, i18n } = useTranslation()
  const me = useMe()
  const valid = isLocale(lang)

  useLayoutEffect(() => {
    if (isLocale(lang) && i18n.language !== lang) void i18n.changeLanguage(lang)
  }, [lang, i18n])

  if (!valid) {
    const to = switchLocalePath(location.pathname, portalLocale(lang))
    return <Navigate to={`${to}${location.search}`} replace />
  }

  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="xs">
          {/* On a narrow screen the actions move under the name instead of running off the page. */}
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Anchor component={Link} to={portalPath(lang)} underline="never" c="dark">
              <Text component="span" fw={700} size="lg">
                {t('common:app.name')}
              </Text>{' '}
              <Text component="span" c="dimmed" size="sm" visibleFrom="sm">
                {t('portal:layout.name')}
              </Text>
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              <HelpLink roles={[]} />
              <PortalLanguageSwitcher current={lang} />
              <Button component={Link} to={me.data ? '/' : '/sign-in'} variant="light" size="sm">
                {me.data ? t('portal:layout.openApp') : t('portal:layout.signIn')}
              </Button>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="lg" py="xl" px="md" w="100%" style={{ flex: 1 }}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
      <Box component="footer" py="md" px="md">
        <Text size="xs" c="dimmed" ta="center">
          {t('portal:layout.footer')}
        </Text>
      </Box>
    </Box>
  )
}
