import { Anchor, AppShell, Burger, Group, Stack } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Suspense, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import { DemoBanner } from '../components/DemoBanner.tsx'
import { HelpLink } from '../components/help/HelpLink.tsx'
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx'
import { MainNav } from '../components/MainNav.tsx'
import { PageLoader } from '../components/PageLoader.tsx'
import { SkipLink } from '../components/SkipLink.tsx'
import { UserMenu } from '../components/UserMenu.tsx'
import { NotificationsBell } from '../features/notifications/NotificationsBell.tsx'
import { useMe } from './queries.ts'

/** The signed-in frame: header with language and user menus, navigation by ability, and the page in <main>. */
export function AppLayout() {
  const { t } = useTranslation()
  const me = useMe()
  const [navOpen, nav] = useDisclosure(false)
  const location = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const firstRender = useRef(true)

  // After client-side navigation, move focus to <main> so keyboard and screen reader users start at the new page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each path change by design
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    nav.close()
    mainRef.current?.focus({ preventScroll: false })
  }, [location.pathname])

  if (!me.data) return null
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <SkipLink />
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpen ? t('common:nav.close') : t('common:nav.open')}
              aria-expanded={navOpen}
              aria-controls="main-navigation"
            />
            {/* On a phone the header actions need the room; the navigation (burger) leads home there. */}
            <Anchor
              component={Link}
              to="/"
              underline="never"
              c="dark"
              fw={700}
              size="lg"
              className="nowrap"
              visibleFrom="xs"
            >
              {t('common:app.name')}
            </Anchor>
          </Group>
          <Group gap={4} wrap="nowrap">
            <HelpLink roles={me.data.data.memberships.map((m) => m.role)} />
            <NotificationsBell />
            <LanguageSwitcher />
            <UserMenu me={me.data.data} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" component="nav" aria-label={t('common:nav.label')}>
        <MainNav me={me.data} />
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={mainRef} tabIndex={-1} bg="gray.0">
        <Stack gap="md" maw={1200} mx="auto">
          <DemoBanner />
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Stack>
      </AppShell.Main>
    </AppShell>
  )
}
