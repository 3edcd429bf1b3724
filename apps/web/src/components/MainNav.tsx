import { NavLink, Stack } from '@mantine/core'
import type { MeResponse } from '@thbm/shared'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { hasAbility } from '../app/permissions.ts'
import { mayReadDashboards } from '../features/dashboards/permissions.ts'
import { useReviews } from '../features/reviews/api.ts'
import { mayRunReviews } from '../features/reviews/permissions.ts'
import {
  BookIcon,
  ChartIcon,
  ClipboardIcon,
  GlobeIcon,
  HomeIcon,
  ListIcon,
  ReviewIcon,
  UserIcon,
  UsersIcon,
} from './icons.tsx'

interface Item {
  to: string
  label: string
  icon: ReactNode
  show: boolean
}

/** Navigation to the pages that exist, shown by the abilities the server reported for the signed-in user. */
export function MainNav({ me }: { me: MeResponse }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  // Reviews: for those who run them, and for anyone taking part in one (the list is theirs).
  const runsReviews = mayRunReviews(me.data)
  const reviews = useReviews(!runsReviews)
  const items: Item[] = [
    { to: '/', label: t('common:nav.home'), icon: <HomeIcon />, show: true },
    { to: '/handbook', label: t('common:nav.handbook'), icon: <BookIcon />, show: true },
    { to: '/rounds', label: t('common:nav.rounds'), icon: <ClipboardIcon />, show: true },
    { to: '/countries', label: t('common:nav.countries'), icon: <GlobeIcon />, show: true },
    { to: '/dashboards', label: t('dashboards:nav.label'), icon: <ChartIcon />, show: mayReadDashboards(me.data) },
    {
      to: '/reviews',
      label: t('review:nav.label'),
      icon: <ReviewIcon />,
      show: runsReviews || (reviews.data?.length ?? 0) > 0,
    },
    { to: '/people', label: t('common:nav.people'), icon: <UsersIcon />, show: hasAbility(me, 'user.list') },
    { to: '/audit', label: t('common:nav.audit'), icon: <ListIcon />, show: hasAbility(me, 'audit.read') },
    { to: '/account', label: t('common:nav.account'), icon: <UserIcon />, show: true },
  ]
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`))
  return (
    <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items
        .filter((i) => i.show)
        .map((item) => (
          <li key={item.to}>
            <NavLink
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={item.icon}
              active={isActive(item.to)}
              aria-current={isActive(item.to) ? 'page' : undefined}
              variant="light"
            />
          </li>
        ))}
    </Stack>
  )
}
