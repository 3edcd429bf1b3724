import { describe, expect, it } from 'vitest'
import { ApiError, issuesByField, parseApiError } from './errors.ts'

describe('parseApiError', () => {
  it('reads code, message, details and request id from the error body', () => {
    const error = parseApiError(400, {
      error: {
        code: 'validation_failed',
        message: 'The request has invalid fields',
        details: { issues: [{ path: 'body.email', message: 'Invalid email address', code: 'invalid_format' }] },
      },
      requestId: 'req-1',
    })
    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('validation_failed')
    expect(error.status).toBe(400)
    expect(error.requestId).toBe('req-1')
    expect(error.issues).toEqual([{ path: 'body.email', message: 'Invalid email address', code: 'invalid_format' }])
  })

  it('falls back to bad_response for a body that is not an error body', () => {
    const error = parseApiError(502, '<html>Bad gateway</html>')
    expect(error.code).toBe('bad_response')
    expect(error.status).toBe(502)
    expect(error.issues).toEqual([])
  })

  it('tells a version conflict from a conflict on a field', () => {
    const version = parseApiError(409, { error: { code: 'conflict', message: 'changed' }, requestId: 'r' })
    const field = parseApiError(409, {
      error: {
        code: 'conflict',
        message: 'exists',
        details: { issues: [{ path: 'body.name', message: 'Name already used' }] },
      },
      requestId: 'r',
    })
    expect(version.isVersionConflict).toBe(true)
    expect(field.isVersionConflict).toBe(false)
  })

  it('exposes retryAfterSeconds of a rate limit', () => {
    const error = parseApiError(429, {
      error: { code: 'rate_limited', message: 'wait', details: { retryAfterSeconds: 90 } },
      requestId: 'r',
    })
    expect(error.retryAfterSeconds).toBe(90)
  })
})

describe('issuesByField', () => {
  it('maps body paths to form fields, keeps the first issue per field and drops other locations', () => {
    const fields = issuesByField([
      { path: 'body.email', message: 'first' },
      { path: 'body.email', message: 'second' },
      { path: 'body.names.en', message: 'English required' },
      { path: 'query.country', message: 'elsewhere' },
      { path: 'body', message: 'whole body' },
    ])
    expect(Object.keys(fields)).toEqual(['email', 'names.en'])
    expect(fields.email?.message).toBe('first')
  })
})
