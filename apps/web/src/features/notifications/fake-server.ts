import type { Notification } from '@thbm/shared'

/** For tests: a notification with ids that sort like the server's (newer ids are greater). */
export function makeNotification(n: number, patch: Partial<Notification> = {}): Notification {
  return {
    id: `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`,
    kind: 'assignment',
    round: { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a50', name: 'Monitoring 2026' },
    countryCode: 'RS',
    indicatorCode: `IDN-${n}`,
    organisation: { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51', name: 'Victim Support NGO' },
    actor: { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52', name: 'Milica Lead' },
    comment: null,
    dueOn: '2030-06-30',
    role: 'provider',
    createdAt: '2026-11-20T10:30:00.000Z',
    readAt: null,
    ...patch,
  }
}

/**
 * For tests: a fetch stand-in for the notifications API over a list held in memory (newest first after sorting), with
 * the countries list for names. Records every request as `METHOD path?query` and every POST body.
 */
export function fakeNotificationsServer(initial: Notification[], { failList = false } = {}) {
  const items = [...initial].sort((a, b) => (a.id < b.id ? 1 : -1))
  const requests: string[] = []
  const bodies: unknown[] = []
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  const unreadCount = () => items.filter((n) => n.readAt === null).length
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost')
    const method = init?.method ?? 'GET'
    requests.push(`${method} ${url.pathname}${url.search}`)
    if (method === 'GET' && url.pathname === '/api/countries') {
      return json(200, {
        data: [{ code: 'RS', names: { en: 'Serbia', 'sr-Cyrl': 'Србија' }, version: 1, abilities: [] }],
      })
    }
    if (method === 'GET' && url.pathname === '/api/me/notifications') {
      if (failList && url.searchParams.get('limit') !== '1') {
        return json(500, { error: { code: 'internal', message: 'Boom' }, requestId: 'r9' })
      }
      const limit = Number(url.searchParams.get('limit') ?? 50)
      const before = url.searchParams.get('before')
      const data = items
        .filter((n) => url.searchParams.get('unread') !== 'true' || n.readAt === null)
        .filter((n) => !before || n.id < before)
        .slice(0, limit)
      return json(200, { data, unread: unreadCount() })
    }
    if (method === 'POST' && url.pathname === '/api/me/notifications/read') {
      const body = JSON.parse(String(init?.body)) as { ids?: string[]; all?: true }
      bodies.push(body)
      for (const n of items) if (body.all || body.ids?.includes(n.id)) n.readAt ??= '2026-11-28T12:00:00.000Z'
      return json(200, { data: { unread: unreadCount() } })
    }
    return json(404, { error: { code: 'not_found', message: 'Not found' }, requestId: 'r0' })
  }
  return { fetch, requests, bodies, items }
}
