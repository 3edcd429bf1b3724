import type { ErrorBody, ErrorCode, Issue } from '@thbm/shared'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError } from '../errors.ts'

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  message: string,
  details?: unknown,
) {
  const body: ErrorBody = {
    error: { code, message, ...(details === undefined ? {} : { details }) },
    requestId: request.id,
  }
  return reply.status(status).send(body)
}

function validationIssues(error: FastifyError): Issue[] {
  const context = error.validationContext ?? 'body'
  return (error.validation ?? []).map((v) => {
    const rest = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.')
    return { path: rest ? `${context}.${rest}` : context, message: v.message ?? 'Invalid value', code: v.keyword }
  })
}

const CONSTRAINT_CODES = new Set([
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'SQLITE_CONSTRAINT_FOREIGNKEY',
  '23505',
  '23503',
])

function isConstraintViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && CONSTRAINT_CODES.has(code)
}

/** Maps every error to `{error:{code,message,details?}, requestId}`; internals (stack, SQL) never reach the client. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed')
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds
      if (error.code === 'rate_limited' && retryAfter) reply.header('retry-after', String(retryAfter))
      return send(reply, request, error.status, error.code, error.message, error.details)
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const issues = validationIssues(error as FastifyError)
      return send(reply, request, 400, 'validation_failed', 'The request has invalid fields', { issues })
    }
    if (isConstraintViolation(error)) {
      // Two requests raced for the same unique value, or a referenced row went away meanwhile.
      return send(
        reply,
        request,
        409,
        'conflict',
        'This conflicts with a change made at the same time. Reload and try again.',
      )
    }
    const status = error.statusCode ?? 500
    if (status === 413) return send(reply, request, 413, 'payload_too_large', 'The request body is too large')
    if (status === 429) {
      return send(reply, request, 429, 'rate_limited', 'Too many requests. Wait a moment and try again.')
    }
    if (status === 415) {
      return send(reply, request, 400, 'validation_failed', 'Unsupported content type', {
        issues: [{ path: 'headers.content-type', message: 'Send JSON (application/json)' }],
      })
    }
    if (status === 400) {
      const message =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'Malformed JSON body'
          : 'Bad request'
      return send(reply, request, 400, 'validation_failed', message, { issues: [{ path: 'body', message }] })
    }
    if (status === 404) return send(reply, request, 404, 'not_found', 'Not found')
    request.log.error({ err: error }, 'unhandled error')
    return send(
      reply,
      request,
      500,
      'internal',
      'Something went wrong on our side. The request id identifies it in the logs.',
    )
  })
}
