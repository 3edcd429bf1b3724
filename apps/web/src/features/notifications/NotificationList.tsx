import { Stack } from '@mantine/core'
import type { Notification } from '@thbm/shared'
import type { Ref } from 'react'
import { NotificationItem } from './NotificationItem.tsx'

/** Notifications as a list (newest first, as the server sends them). */
export function NotificationList({
  notifications,
  label,
  ref,
}: {
  notifications: Notification[]
  label?: string
  ref?: Ref<HTMLDivElement>
}) {
  return (
    <Stack ref={ref} gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {notifications.map((n) => (
        <NotificationItem key={n.id} notification={n} />
      ))}
    </Stack>
  )
}
