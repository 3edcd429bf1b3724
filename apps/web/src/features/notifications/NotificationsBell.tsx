import { Badge, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useFormat } from '../../i18n/format.ts'
import { useUnreadCount } from './api.ts'

function BellIcon({ size = 18 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  )
}

/**
 * The header's link to the notifications page. Its name says how many are unread ("Notifications, 3 unread"); the
 * count is also shown as a badge. The count is polled (decision 0007: no push channel) and not announced.
 */
export function NotificationsBell() {
  const { t } = useTranslation()
  const fmt = useFormat()
  const { pathname } = useLocation()
  const count = useUnreadCount()
  const unread = count.data ?? 0
  const label = count.data === undefined ? t('notifications:title') : t('notifications:bell', { count: unread })
  const here = pathname === '/notifications'
  return (
    <Button
      component={Link}
      to="/notifications"
      variant="subtle"
      color="gray"
      px="xs"
      aria-label={label}
      aria-current={here ? 'page' : undefined}
      leftSection={<BellIcon />}
      data-testid="notifications-bell"
    >
      {unread > 0 ? (
        <Badge size="sm" variant="filled" color="red.9" circle={unread < 10} aria-hidden="true">
          {fmt.number(unread)}
        </Badge>
      ) : null}
    </Button>
  )
}
