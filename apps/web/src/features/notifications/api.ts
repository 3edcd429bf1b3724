import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import type { MarkNotificationsReadBody, Notification, NotificationList } from '@thbm/shared'
import { api } from '../../api/client.ts'

/** Notifications per page of the list; "Show older" loads the next page before the oldest one shown. */
export const PAGE_SIZE = 30
/** Unread notifications on the start page. */
export const DIGEST_SIZE = 5
/** How often the header asks for the unread count (there is no push channel, decision 0007). */
export const POLL_MS = 60_000

export const notificationKeys = {
  all: ['notifications'] as const,
  count: ['notifications', 'count'] as const,
  pages: ['notifications', 'pages'] as const,
  pagesOf: (unreadOnly: boolean) => ['notifications', 'pages', unreadOnly] as const,
  digest: ['notifications', 'digest'] as const,
}

type Pages = InfiniteData<NotificationList, string | undefined>

/** Every list answer also carries the unread count; keep the header's count in step with it. */
function rememberCount(queryClient: QueryClient, list: NotificationList): NotificationList {
  queryClient.setQueryData(notificationKeys.count, list.unread)
  return list
}

/** The unread count for the header, polled every minute and on return to the window; asks for one row only. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.count,
    queryFn: ({ signal }) =>
      api<NotificationList>('/me/notifications', { signal, query: { limit: 1 } }).then((r) => r.unread),
    enabled,
    staleTime: 15_000,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  })
}

/** The notifications page: newest first, optionally unread only, paged towards older ones. */
export function useNotificationPages(unreadOnly: boolean) {
  const queryClient = useQueryClient()
  return useInfiniteQuery({
    queryKey: notificationKeys.pagesOf(unreadOnly),
    queryFn: ({ signal, pageParam }) =>
      api<NotificationList>('/me/notifications', {
        signal,
        query: { unread: unreadOnly ? 'true' : undefined, limit: PAGE_SIZE, before: pageParam },
      }).then((r) => rememberCount(queryClient, r)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.data.length >= PAGE_SIZE ? last.data.at(-1)?.id : undefined),
    staleTime: 0,
  })
}

/** The newest unread notifications for the start page. */
export function useNotificationDigest() {
  const queryClient = useQueryClient()
  return useQuery({
    queryKey: notificationKeys.digest,
    queryFn: ({ signal }) =>
      api<NotificationList>('/me/notifications', { signal, query: { unread: 'true', limit: DIGEST_SIZE } }).then((r) =>
        rememberCount(queryClient, r),
      ),
    staleTime: 0,
  })
}

/**
 * Marks notifications read (some, or all) and updates what is on screen in place: the items stay where they are
 * (shown as read) rather than disappearing under the reader's focus; lists refetch when next shown.
 */
export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: MarkNotificationsReadBody) =>
      api<{ data: { unread: number } }>('/me/notifications/read', { method: 'POST', body }).then((r) => r.data),
    onSuccess: ({ unread }, body) => {
      const readAt = new Date().toISOString()
      const ids = 'ids' in body ? new Set(body.ids) : null
      const mark = (n: Notification): Notification =>
        n.readAt === null && (ids === null || ids.has(n.id)) ? { ...n, readAt } : n
      const markList = (list: NotificationList): NotificationList => ({ data: list.data.map(mark), unread })
      queryClient.setQueryData(notificationKeys.count, unread)
      queryClient.setQueriesData<Pages>({ queryKey: notificationKeys.pages }, (old) =>
        old ? { ...old, pages: old.pages.map(markList) } : old,
      )
      queryClient.setQueryData<NotificationList>(notificationKeys.digest, (old) => (old ? markList(old) : old))
      void queryClient.invalidateQueries({ queryKey: notificationKeys.pages, refetchType: 'none' })
      void queryClient.invalidateQueries({ queryKey: notificationKeys.digest, refetchType: 'none' })
    },
  })
}
