import { ApiError, parseApiError } from './errors.ts'

export { ApiError, isApiError, issuesByField, parseApiError } from './errors.ts'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: Method
  body?: unknown
  query?: Record<string, QueryValue>
  signal?: AbortSignal
  /** Do not send the person to the sign-in page on 401 (the call itself asks whether anyone is signed in). */
  allowAnonymous?: boolean
}

let onUnauthenticated: (() => void) | null = null

/** Registers what happens when any API call answers 401: the app goes to the sign-in page, keeping the URL. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler
}

/** Builds `/api/path?query` leaving out empty values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return `/api${path}${search ? `?${search}` : ''}`
}

/** Calls the API with the session cookie and JSON; resolves with the parsed body or rejects with an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, allowAnonymous = false } = options
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new ApiError('network', 0, 'The server could not be reached')
  }
  const text = await response.text()
  let parsed: unknown = null
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = null
    }
  }
  if (!response.ok) {
    const error = parseApiError(response.status, parsed)
    if (response.status === 401 && !allowAnonymous) onUnauthenticated?.()
    throw error
  }
  return parsed as T
}
