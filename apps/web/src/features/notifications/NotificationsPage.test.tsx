import { screen, waitFor, within } from '@testing-library/react'
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPage } from '../../test/render.tsx'
import { PAGE_SIZE } from './api.ts'
import { fakeNotificationsServer, makeNotification } from './fake-server.ts'
import { NotificationsBell } from './NotificationsBell.tsx'
import NotificationsPage from './NotificationsPage.tsx'

afterEach(() => vi.unstubAllGlobals())

const page = (
  <>
    <NotificationsBell />
    <NotificationsPage />
  </>
)

async function renderWith(server: ReturnType<typeof fakeNotificationsServer>, url = '/notifications') {
  vi.stubGlobal('fetch', server.fetch)
  return renderPage(page, { path: '/notifications', url })
}

// The first render in a test file is slow on a busy machine.
const SLOW = { timeout: 5000 }

// Role queries are slow over a long Mantine list; the semantics are checked once by role in the first test.
const items = () => [...document.querySelectorAll<HTMLLIElement>('ul[aria-label="Notifications"] > li')]

describe('NotificationsPage', () => {
  it('lists notifications newest first in sentences, with the comment of a returned answer and unread in words', async () => {
    const server = fakeNotificationsServer([
      makeNotification(1, { readAt: '2026-11-21T08:00:00.000Z' }),
      makeNotification(2, { kind: 'answer_returned', comment: 'Please add the source.\nAnd the year.' }),
      makeNotification(3, { kind: 'deadline', actor: null, dueOn: '2026-12-01' }),
      makeNotification(4, { role: 'expert', organisation: null, actor: null }),
    ])
    await renderWith(server)
    await screen.findByText(/Someone asked you to assess IDN-4 in Monitoring 2026 \(Serbia\)/, {}, SLOW)
    const [expert, deadline, returned, read] = within(screen.getByRole('list', { name: 'Notifications' })).getAllByRole(
      'listitem',
    )
    expect(expert?.textContent).toContain('Someone asked you to assess IDN-4 in Monitoring 2026 (Serbia).')
    expect(deadline?.textContent).toContain(
      'The answer of Victim Support NGO to IDN-3 in Monitoring 2026 (Serbia) is due on Dec 1, 2026 and is not submitted yet.',
    )
    expect(returned?.textContent).toContain('Milica Lead returned the answer of Victim Support NGO to IDN-2')
    expect(returned?.querySelector('blockquote')?.textContent).toBe('Please add the source.\nAnd the year.')
    expect(read?.textContent).toContain(
      'Milica Lead asked Victim Support NGO to answer IDN-1 in Monitoring 2026 (Serbia).',
    )
    expect(read?.textContent).toContain('Due Jun 30, 2030')
    // Unread is said in words, not only by colour; the read one has no badge and no "Mark as read".
    expect(within(expert as HTMLElement).getByText('Unread')).toBeTruthy()
    expect(within(read as HTMLElement).queryByText('Unread')).toBeNull()
    expect(within(read as HTMLElement).queryByRole('button')).toBeNull()
    // Each action names the notification it acts on.
    expect(
      within(returned as HTMLElement).getByRole('button', {
        name: 'Mark as read: returned answer to IDN-2 in Monitoring 2026',
      }),
    ).toBeTruthy()
    const open = within(returned as HTMLElement).getByRole('link', {
      name: 'Open: returned answer to IDN-2 in Monitoring 2026',
    })
    expect(open.getAttribute('href')).toBe(
      '/rounds/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50/countries/RS/indicators/IDN-2?source=0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51',
    )
    expect(screen.getByText('3 unread notifications')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Notifications, 3 unread' })).toBeTruthy()
  }, 20_000)

  it('marks one read in place, moves focus to its Open link and lowers the count in the header', async () => {
    const server = fakeNotificationsServer([makeNotification(1), makeNotification(2)])
    await renderWith(server)
    const user = userEvent.setup()
    const button = await screen.findByRole(
      'button',
      { name: 'Mark as read: assignment of IDN-2 in Monitoring 2026' },
      SLOW,
    )
    await user.click(button)
    await waitFor(() => expect(screen.getByRole('link', { name: 'Notifications, 1 unread' })).toBeTruthy())
    expect(server.bodies).toEqual([{ ids: [makeNotification(2).id] }])
    const [first] = items()
    expect(within(first as HTMLElement).queryByText('Unread')).toBeNull()
    expect(document.activeElement).toBe(
      within(first as HTMLElement).getByRole('link', { name: 'Open: assignment of IDN-2 in Monitoring 2026' }),
    )
    expect(screen.getByText('1 unread notification')).toBeTruthy()
  })

  it('marks all read and focuses the confirmation', async () => {
    const server = fakeNotificationsServer([makeNotification(1), makeNotification(2)])
    await renderWith(server)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Mark all as read' }, SLOW))
    const done = await screen.findByText('All notifications are marked as read.')
    expect(document.activeElement).toBe(done)
    expect(server.bodies).toEqual([{ all: true }])
    expect(screen.queryByRole('button', { name: /Mark as read/ })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull()
    expect(screen.getByRole('link', { name: 'Notifications, none unread' })).toBeTruthy()
  })

  it('keeps "Unread only" in the URL and asks the server for unread ones', async () => {
    const server = fakeNotificationsServer([makeNotification(1, { readAt: '2026-11-21T08:00:00.000Z' })])
    const { router } = await renderWith(server)
    await screen.findByRole('list', { name: 'Notifications' }, SLOW)
    const user = userEvent.setup()
    await user.click(screen.getByRole('switch', { name: 'Unread only' }))
    expect(await screen.findByText('No unread notifications.')).toBeTruthy()
    expect(router.state.location.search).toBe('?unread=1')
    expect(server.requests).toContain('GET /api/me/notifications?unread=true&limit=30')
    await user.click(screen.getByRole('switch', { name: 'Unread only' }))
    expect(await screen.findByRole('list', { name: 'Notifications' })).toBeTruthy()
    expect(router.state.location.search).toBe('')
  })

  it('starts from the URL with unread only switched on', async () => {
    const server = fakeNotificationsServer([makeNotification(1)])
    await renderWith(server, '/notifications?unread=1')
    await screen.findByRole('list', { name: 'Notifications' }, SLOW)
    expect((screen.getByRole('switch', { name: 'Unread only' }) as HTMLInputElement).checked).toBe(true)
  })

  it('says when there is nothing yet', async () => {
    await renderWith(fakeNotificationsServer([]))
    expect(await screen.findByText(/Nothing new\. You will be told here/, {}, SLOW)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull()
  })

  it('says when the list could not be loaded', async () => {
    await renderWith(fakeNotificationsServer([makeNotification(1)], { failList: true }))
    expect(await screen.findByText('The notifications could not be loaded.', {}, SLOW)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy()
  })

  it('shows older ones below and moves focus to the first of them', async () => {
    const many = Array.from({ length: PAGE_SIZE + 2 }, (_, i) => makeNotification(i + 1))
    const server = fakeNotificationsServer(many)
    await renderWith(server)
    await waitFor(() => expect(items()).toHaveLength(PAGE_SIZE), SLOW)
    const showOlder = () => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Show older')
    // user-event's pointer-events check computes styles up the tree for every element: slow over a long list.
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never })
    await user.click(showOlder() as HTMLButtonElement)
    await waitFor(() => expect(items()).toHaveLength(PAGE_SIZE + 2), SLOW)
    expect(server.requests).toContain(`GET /api/me/notifications?limit=30&before=${makeNotification(3).id}`)
    await waitFor(() => expect(document.activeElement).toBe(items()[PAGE_SIZE]))
    expect(items()[PAGE_SIZE]?.textContent).toContain('IDN-2')
    expect(showOlder()).toBeUndefined()
  }, 30_000)

  it('marks a notification read when it is opened', async () => {
    const server = fakeNotificationsServer([makeNotification(1)])
    await renderWith(server)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('link', { name: 'Open: assignment of IDN-1 in Monitoring 2026' }, SLOW))
    expect(await screen.findByText('other page')).toBeTruthy()
    await waitFor(() => expect(server.bodies).toEqual([{ ids: [makeNotification(1).id] }]))
  })
})
