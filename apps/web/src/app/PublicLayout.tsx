import { Anchor, Box, Container, Group, Text } from '@mantine/core'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { HelpLink } from '../components/help/HelpLink.tsx'
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx'
import { PageLoader } from '../components/PageLoader.tsx'
import { SkipLink } from '../components/SkipLink.tsx'

/** The frame of pages used before signing in: app name, language menu, and a narrow centred main column. */
export function PublicLayout() {
  const { t } = useTranslation()
  return (
    <Box mih="100vh" bg="gray.0">
      <SkipLink />
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="xs">
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/" underline="never" c="dark" fw={700} size="lg">
              {t('common:app.name')}
            </Anchor>
            <Group gap={4} wrap="nowrap">
              <HelpLink roles={[]} />
              <LanguageSwitcher />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={30 * 16} py="xl" px="md">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
      <Box component="footer" py="md">
        <Text size="xs" c="dimmed" ta="center">
          {t('common:app.tagline')}
        </Text>
      </Box>
    </Box>
  )
}
