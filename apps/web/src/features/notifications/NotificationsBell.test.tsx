import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import { POLL_MS } from './api.ts'
import { fakeNotificationsServer, makeNotification } from './fake-server.ts'
import { NotificationDigest } from './NotificationDigest.tsx'
import { NotificationsBell } from './NotificationsBell.tsx'

// The first render in a test file is slow on a busy machine.
const SLOW = { timeout: 5000 }

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('NotificationsBell', () => {
  it('links to the notifications page, named and badged with the unread count, asking for one row only', async () => {
    const server = fakeNotificationsServer([makeNotification(1), makeNotification(2), makeNotification(3)])
    vi.stubGlobal('fetch', server.fetch)
    await renderPage(<NotificationsBell />)
    const link = await screen.findByRole('link', { name: 'Notifications, 3 unread' }, SLOW)
    expect(link.getAttribute('href')).toBe('/notifications')
    expect(link.textContent).toBe('3')
    expect(server.requests).toEqual(['GET /api/me/notifications?limit=1'])
  })

  it('shows no badge when nothing is unread', async () => {
    vi.stubGlobal('fetch', fakeNotificationsServer([makeNotification(1, { readAt: '2026-11-21T08:00:00.000Z' })]).fetch)
    await renderPage(<NotificationsBell />)
    const link = await screen.findByRole('link', { name: 'Notifications, none unread' }, SLOW)
    expect(link.textContent).toBe('')
  })

  it('polls the count every minute', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const server = fakeNotificationsServer([makeNotification(1)])
    vi.stubGlobal('fetch', server.fetch)
    await renderPage(<NotificationsBell />)
    await screen.findByRole('link', { name: 'Notifications, 1 unread' }, SLOW)
    server.items.push(makeNotification(2))
    await vi.advanceTimersByTimeAsync(POLL_MS + 10)
    expect(await screen.findByRole('link', { name: 'Notifications, 2 unread' }, SLOW)).toBeTruthy()
    expect(server.requests.filter((r) => r === 'GET /api/me/notifications?limit=1').length).toBeGreaterThanOrEqual(2)
  })
})

describe('NotificationDigest', () => {
  it('shows the newest unread ones with a link to all', async () => {
    const server = fakeNotificationsServer([makeNotification(1), makeNotification(2)])
    vi.stubGlobal('fetch', server.fetch)
    await renderPage(<NotificationDigest />)
    expect(await screen.findByRole('heading', { name: 'What is new' }, SLOW)).toBeTruthy()
    expect(await screen.findByRole('list', { name: 'What is new' }, SLOW)).toBeTruthy()
    expect(screen.getAllByRole('listitem')).toHaveLength(2)
    expect(screen.getByRole('link', { name: 'All notifications' }).getAttribute('href')).toBe('/notifications')
    expect(server.requests).toContain('GET /api/me/notifications?unread=true&limit=5')
  })

  it('says when nothing is unread', async () => {
    vi.stubGlobal('fetch', fakeNotificationsServer([]).fetch)
    await renderPage(<NotificationDigest />)
    expect(await screen.findByText('No unread notifications.', {}, SLOW)).toBeTruthy()
  })
})
