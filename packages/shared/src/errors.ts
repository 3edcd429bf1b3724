/** Stable error codes shared by server and web; domain detail goes into `details`, not new codes. */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

/** One problem in a request, located by a path (field path, or sheet/row/column for files). */
export interface Issue {
  path: string
  message: string
  code?: string
}

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown }
  requestId: string
}
