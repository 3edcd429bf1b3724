import { Anchor, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { Section } from '../../components/Section.tsx'
import { useNotificationDigest } from './api.ts'
import { NotificationList } from './NotificationList.tsx'

/** "What is new" on the start page: the newest unread notifications and a link to all of them. */
export function NotificationDigest() {
  const { t } = useTranslation()
  const digest = useNotificationDigest()
  const items = digest.data?.data ?? []
  return (
    <Section
      title={t('notifications:digestTitle')}
      actions={
        <Anchor component={Link} to="/notifications" size="sm" fw={600}>
          {t('notifications:viewAll')}
        </Anchor>
      }
    >
      {digest.isPending && <ListSkeleton rows={2} label={t('notifications:loading')} />}
      {digest.isError && (
        <ErrorAlert error={digest.error} title={t('notifications:loadError')} onRetry={() => void digest.refetch()} />
      )}
      {digest.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('notifications:digestEmpty')}
        </Text>
      )}
      {items.length > 0 && <NotificationList notifications={items} label={t('notifications:digestTitle')} />}
    </Section>
  )
}
