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

/** Codes of a database that cannot be reached or used right now: network (pg), server shutting down, SQLite I/O. */
const DATABASE_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
])
const SQLITE_DOWN = ['SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_NOTADB', 'SQLITE_PROTOCOL']
const BUSY = ['SQLITE_BUSY', 'SQLITE_LOCKED']
/** No space left: on the file store (ENOSPC, EDQUOT), in SQLite, in PostgreSQL (53100 disk_full). */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', '53100'])
/** pg reports a lost connection without a code. */
const CONNECTION_LOST =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/i

type Outage = 'database_unreachable' | 'database_busy' | 'disk_full'

const OUTAGE_MESSAGES: Record<Outage, string> = {
  database_unreachable:
    'The database cannot be reached at the moment. Try again in a minute; if this goes on, tell an administrator.',
  database_busy: 'The database is busy. Try again in a moment.',
  disk_full: "The server's disk is full, so nothing was saved. Tell an administrator.",
}

/** What is unavailable when the error is an outage rather than a fault of the request or a bug (also in its causes). */
function outageOf(error: unknown): Outage | null {
  let e = error
  for (let depth = 0; e && depth < 5; depth++, e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') {
      if (DISK_FULL.has(code)) return 'disk_full'
      if (BUSY.some((prefix) => code.startsWith(prefix))) return 'database_busy'
      if (DATABASE_DOWN.has(code) || SQLITE_DOWN.some((prefix) => code.startsWith(prefix)))
        return 'database_unreachable'
    }
    const message = (e as { message?: unknown }).message
    if (typeof message === 'string' && CONNECTION_LOST.test(message)) return 'database_unreachable'
  }
  return null
}

/** PostgreSQL refuses a character in text (a NUL byte that slipped past the input check, e.g. inside an upload). */
const UNSTORABLE_TEXT = new Set(['22021', '22P05'])

/** Busboy (multipart parsing) throws plain errors, without a code, for a malformed upload. */
const MALFORMED_MULTIPART =
  /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data|.+ terminated early due to unexpected end of multipart data|Missing Content-Type-header\.|Unsupported Content-Type\.)$/

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
    const outage = outageOf(error)
    if (outage) {
      request.log.error({ err: error }, 'service unavailable')
      if (outage !== 'disk_full') reply.header('retry-after', outage === 'database_busy' ? '2' : '30')
      return send(reply, request, 503, 'unavailable', OUTAGE_MESSAGES[outage], { reason: outage })
    }
    if (UNSTORABLE_TEXT.has(String((error as { code?: unknown }).code))) {
      const message = 'The text holds a character that cannot be stored (such as NUL); remove it and try again'
      return send(reply, request, 400, 'validation_failed', message, { issues: [{ path: 'body', message }] })
    }
    if (typeof error.message === 'string' && MALFORMED_MULTIPART.test(error.message)) {
      const message = 'The upload is not valid multipart/form-data'
      return send(reply, request, 400, 'validation_failed', message, { issues: [{ path: 'file', message }] })
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
    // Any other client error a plugin raises (403 for a refused static path, 405, 416, …) keeps its status.
    if (status === 401) return send(reply, request, 401, 'unauthenticated', 'Sign in to continue')
    if (status === 403) return send(reply, request, 403, 'forbidden', 'You may not do this')
    if (status > 400 && status < 500) return send(reply, request, status, 'validation_failed', 'Bad request')
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
