import { Badge, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { BellIcon } from '../../components/icons.tsx'
import { useFormat } from '../../i18n/format.ts'
import { useUnreadCount } from './api.ts'

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
