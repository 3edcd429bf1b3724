import { ERROR_STATUS, type ErrorCode, type Issue } from '@thbm/shared'

/** The one error type domain code throws; the error handler maps its code to an HTTP status. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: unknown
  constructor(code: ErrorCode, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.details = details
  }
  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

export const notFound = (what = 'Not found') => new AppError('not_found', what)
export const forbidden = (message = 'You may not do this') => new AppError('forbidden', message)
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details)
export const invalidState = (message: string, details?: unknown) => new AppError('invalid_state', message, details)
export const validationFailed = (issues: Issue[], message = 'The request has invalid fields') =>
  new AppError('validation_failed', message, { issues })

/** Throws 409 when the client's version is not the stored one (optimistic locking). */
export function assertVersion(stored: number, given: number, current?: unknown): void {
  if (stored !== given) {
    throw conflict('This record was changed by someone else. Reload to see the current version.', {
      expectedVersion: given,
      currentVersion: stored,
      current,
    })
  }
}

/** Throws 409 when a version-guarded update touched no row: someone else changed it between read and write. */
export function assertOneRowUpdated(result: { numUpdatedRows: bigint }): void {
  if (Number(result.numUpdatedRows) !== 1) {
    throw conflict('This record was changed by someone else. Reload to see the current version.')
  }
}
