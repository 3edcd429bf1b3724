import type { Membership } from '@thbm/shared'
import { vi } from 'vitest'

export const ME = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60'

export interface Call {
  method: string
  path: string
  body: unknown
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

export const apiError = (status: number, code: string, details?: unknown) =>
  json(status, { error: { code, message: code, ...(details ? { details } : {}) }, requestId: 'r1' })

/**
 * A fetch stub for the discussion tests: the signed-in user (with the given memberships), and `handle` answering by
 * method and path (null → 404). Every call is recorded with its JSON body.
 */
export function stubApi(
  handle: (method: string, path: string, body: unknown) => Response | null,
  memberships: Omit<Membership, 'id' | 'organisationId' | 'organisationName'>[] = [],
) {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost')
      const method = init?.method ?? 'GET'
      const body = init?.body ? JSON.parse(String(init.body)) : undefined
      calls.push({ method, path: url.pathname, body })
      if (url.pathname === '/api/auth/me')
        return json(200, {
          data: {
            id: ME,
            email: 'expert@example.org',
            name: 'Ana Expert',
            locale: 'en',
            memberships: memberships.map((m, i) => ({
              id: `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b0${i}`,
              organisationId: null,
              organisationName: null,
              ...m,
            })),
            isDemo: false,
          },
          abilities: [],
        })
      return handle(method, url.pathname, body) ?? apiError(404, 'not_found')
    }),
  )
  return calls
}

// ProseMirror measures the selection to scroll it into view; jsdom lays nothing out and has no Range geometry.
const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList
if (!Range.prototype.getClientRects) Range.prototype.getClientRects = emptyRects
if (!Range.prototype.getBoundingClientRect) Range.prototype.getBoundingClientRect = () => new DOMRect()
if (!document.elementFromPoint) document.elementFromPoint = () => null
