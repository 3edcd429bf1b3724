import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Outlet, useNavigate } from 'react-router'
import { setUnauthenticatedHandler } from '../api/client.ts'
import { useLocaleSync } from '../i18n/locale-sync.ts'
import { queryKeys } from './queries.ts'

/** The path and query of the current page, for returning there after signing in. */
export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`
}

/** Only same-site paths are followed after signing in (never `//evil.example`). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/'
}

/** Wraps every page: applies the locale choice and sends any 401 to the sign-in page, keeping the URL. */
export function RootLayout() {
  useLocaleSync()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      queryClient.setQueryData(queryKeys.me, null)
      if (window.location.pathname === '/sign-in') return
      navigate(`/sign-in?next=${encodeURIComponent(currentPath())}`, { replace: true })
    })
    return () => setUnauthenticatedHandler(null)
  }, [navigate, queryClient])
  return <Outlet />
}
