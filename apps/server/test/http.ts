import type { InjectOptions } from 'fastify'
import type { App } from './test-app.ts'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/** A small request helper bound to one app and, optionally, one session cookie. */
export function client(app: App, cookie?: string) {
  const send = (
    method: Method,
    url: string,
    payload?: InjectOptions['payload'],
    headers: Record<string, string> = {},
  ) => app.inject({ method, url, payload, headers: { ...(cookie ? { cookie } : {}), ...headers } })
  return {
    get: (url: string, headers?: Record<string, string>) => send('GET', url, undefined, headers),
    post: (url: string, payload?: InjectOptions['payload'], headers?: Record<string, string>) =>
      send('POST', url, payload, headers),
    patch: (url: string, payload?: InjectOptions['payload'], headers?: Record<string, string>) =>
      send('PATCH', url, payload, headers),
    delete: (url: string, headers?: Record<string, string>) => send('DELETE', url, undefined, headers),
  }
}
