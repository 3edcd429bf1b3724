import { Box, Button } from '@mantine/core'
import type { Role } from '@thbm/shared'
import { guideHref } from '@thbm/shared/guide'
import { useTranslation } from 'react-i18next'
import { matchRoutes, useLocation } from 'react-router'
import { activeLocale } from '../../i18n/i18n.ts'
import { HelpIcon } from '../icons.tsx'
import { HELP_MAP, helpTarget, splitTarget } from './help-map.ts'

const PATTERNS = Object.keys(HELP_MAP).map((path) => ({ path }))

/** The help-map pattern of a path, ranked like the router ranks routes (`rounds/new` before `rounds/:roundId`). */
export function patternOf(pathname: string): string {
  return matchRoutes(PATTERNS, pathname)?.[0]?.route.path ?? '*'
}

/** The guide address for a page, a person's roles and a UI locale. */
export function helpHref(pathname: string, roles: readonly Role[], locale: string): string {
  const { chapter, anchor } = splitTarget(helpTarget(patternOf(pathname), roles))
  return guideHref(locale, chapter, anchor)
}

/**
 * "Help" in the page header: opens, in a new tab, the section of the user guide about the current page for the
 * person's role, in their language. On a phone (below xs) only its icon shows; its name stays "Help" (aria-label).
 */
export function HelpLink({ roles }: { roles: readonly Role[] }) {
  const { t, i18n } = useTranslation()
  const { pathname } = useLocation()
  return (
    <Button
      component="a"
      href={helpHref(pathname, roles, activeLocale(i18n))}
      target="_blank"
      rel="noopener"
      variant="subtle"
      color="gray"
      leftSection={<HelpIcon />}
      title={t('common:help.linkTitle')}
      aria-label={t('common:help.link')}
      px="xs"
    >
      <Box component="span" visibleFrom="xs">
        {t('common:help.link')}
      </Box>
    </Button>
  )
}
