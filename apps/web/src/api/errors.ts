import type { ErrorCode, Issue } from '@thbm/shared'

/** Codes the client adds for failures that never reached the server or returned no error body. */
export type ClientErrorCode = 'network' | 'bad_response'

/** An error answer of the API, parsed from `{ error: { code, message, details? }, requestId }`. */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode
  readonly status: number
  readonly details: unknown
  readonly requestId: string | null

  constructor(
    code: ErrorCode | ClientErrorCode,
    status: number,
    message: string,
    details?: unknown,
    requestId: string | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.details = details
    this.requestId = requestId
  }

  /** The field-level problems the server listed (`details.issues`), or none. */
  get issues(): Issue[] {
    return readIssues(this.details)
  }

  /** A version conflict (409 without field issues): someone else changed the record. */
  get isVersionConflict(): boolean {
    return this.status === 409 && this.issues.length === 0
  }

  /** Seconds to wait before retrying, when the server said so (rate limits). */
  get retryAfterSeconds(): number | null {
    const value = isRecord(this.details) ? this.details.retryAfterSeconds : undefined
    return typeof value === 'number' && value > 0 ? value : null
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readIssues(details: unknown): Issue[] {
  if (!isRecord(details) || !Array.isArray(details.issues)) return []
  return details.issues.flatMap((raw: unknown): Issue[] => {
    if (!isRecord(raw) || typeof raw.path !== 'string' || typeof raw.message !== 'string') return []
    return [{ path: raw.path, message: raw.message, ...(typeof raw.code === 'string' ? { code: raw.code } : {}) }]
  })
}

/** Builds an ApiError from an HTTP status and the parsed JSON body (which may be anything). */
export function parseApiError(status: number, body: unknown): ApiError {
  if (isRecord(body) && isRecord(body.error) && typeof body.error.code === 'string') {
    const { code, message, details } = body.error
    const requestId = typeof body.requestId === 'string' ? body.requestId : null
    return new ApiError(
      code as ErrorCode,
      status,
      typeof message === 'string' ? message : `HTTP ${status}`,
      details,
      requestId,
    )
  }
  return new ApiError('bad_response', status, `HTTP ${status}`)
}

/**
 * Field problems keyed by form field: `body.email` becomes `email`, `body.names.en` becomes `names.en`.
 * Only the first problem of each field is kept; issues outside the prefix are left out.
 */
export function issuesByField(issues: readonly Issue[], prefix = 'body'): Record<string, Issue> {
  const out: Record<string, Issue> = {}
  for (const issue of issues) {
    if (!issue.path.startsWith(`${prefix}.`)) continue
    const field = issue.path.slice(prefix.length + 1)
    if (field && !(field in out)) out[field] = issue
  }
  return out
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError
