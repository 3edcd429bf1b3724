import { Button, Group, Stack, Switch, Text } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { CheckIcon } from '../../components/icons.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ListSkeleton } from '../../components/PageLoader.tsx'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useMarkRead, useNotificationPages, useUnreadCount } from './api.ts'
import { NotificationList } from './NotificationList.tsx'

/**
 * The signed-in person's notifications, newest first: "Unread only" is kept in the URL (`?unread=1`), older ones
 * load below the list, and each can be opened or marked read; "Mark all as read" confirms with a focused message.
 */
export default function NotificationsPage() {
  const { t } = useTranslation()
  usePageTitle(t('notifications:title'))
  const [params, setParams] = useSearchParams()
  const unreadOnly = params.get('unread') === '1'
  const pages = useNotificationPages(unreadOnly)
  const count = useUnreadCount()
  const markAll = useMarkRead()
  const [allMarked, setAllMarked] = useState(false)
  const [focusFrom, setFocusFrom] = useState<number | null>(null)
  const doneRef = useRef<HTMLParagraphElement>(null)
  const listRef = useRef<HTMLDivElement>(null)

  const items = pages.data?.pages.flatMap((p) => p.data) ?? []
  const unread = count.data ?? pages.data?.pages[0]?.unread ?? 0

  // After "Mark all as read" its button goes away: focus moves to the confirmation, which says what happened.
  useEffect(() => {
    if (allMarked) doneRef.current?.focus()
  }, [allMarked])
  // After "Show older", focus moves to the first of the older notifications, where reading continues.
  useEffect(() => {
    if (focusFrom === null) return
    const item = listRef.current?.querySelectorAll<HTMLLIElement>(':scope > li')[focusFrom]
    if (item) {
      item.focus()
      setFocusFrom(null)
    }
  })

  const toggleUnread = (checked: boolean) => {
    setAllMarked(false)
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (checked) next.set('unread', '1')
        else next.delete('unread')
        return next
      },
      { replace: true },
    )
  }
  const showOlder = () => {
    if (pages.isFetchingNextPage) return
    const shown = items.length
    void pages.fetchNextPage().then((r) => {
      if (!r.isError) setFocusFrom(shown)
    })
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('notifications:title')}
        subtitle={t('notifications:unreadCount', { count: unread })}
        actions={
          unread > 0 && (
            <Button
              variant="default"
              leftSection={<CheckIcon />}
              onClick={() => markAll.mutate({ all: true }, { onSuccess: () => setAllMarked(true) })}
            >
              {t('notifications:markAllRead')}
            </Button>
          )
        }
      />
      {markAll.isError && <ErrorAlert error={markAll.error} />}
      {allMarked && unread === 0 && (
        <Text ref={doneRef} tabIndex={-1} size="sm" fw={600}>
          {t('notifications:allMarked')}
        </Text>
      )}
      <Switch
        label={t('notifications:unreadOnly')}
        checked={unreadOnly}
        onChange={(e) => toggleUnread(e.currentTarget.checked)}
      />
      {pages.isPending && <ListSkeleton rows={4} label={t('notifications:loading')} />}
      {pages.isError && !pages.isFetchNextPageError && (
        <ErrorAlert error={pages.error} title={t('notifications:loadError')} onRetry={() => void pages.refetch()} />
      )}
      {pages.isSuccess && items.length === 0 && (
        <Text>{unreadOnly ? t('notifications:digestEmpty') : t('notifications:empty')}</Text>
      )}
      {items.length > 0 && <NotificationList ref={listRef} notifications={items} label={t('notifications:title')} />}
      {pages.isFetchNextPageError && (
        <ErrorAlert error={pages.error} title={t('notifications:loadError')} onRetry={showOlder} />
      )}
      {pages.hasNextPage && (
        <Group>
          <Button variant="default" onClick={showOlder} aria-busy={pages.isFetchingNextPage || undefined}>
            {t('notifications:showOlder')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
