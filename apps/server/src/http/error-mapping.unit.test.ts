import SQLite from 'better-sqlite3'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { registerErrorHandler } from './error-handler.ts'
import { registerInputHygiene } from './input-hygiene.ts'

/**
 * The error handler tells outages (database gone or busy, disk full) from bugs: 503 in plain words, not 500; and a
 * plugin's own 4xx (e.g. @fastify/static refusing a path) stays a 4xx.
 */

async function answerTo(error: unknown) {
  const app = Fastify({ logger: false })
  registerErrorHandler(app)
  app.get('/boom', async () => {
    throw error
  })
  const res = await app.inject({ method: 'GET', url: '/boom' })
  await app.close()
  return { status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'], raw: res.body }
}

const coded = (code: string, message = 'simulated') => Object.assign(new Error(message), { code })

describe('outages', () => {
  it.each([
    ['pg: refused', coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['pg: server shutting down', coded('57P01', 'terminating connection due to administrator command')],
    ['pg: cannot connect now', coded('57P03', 'the database system is starting up')],
    ['pg: too many connections', coded('53300', 'sorry, too many clients already')],
    ['pg: connection lost', new Error('Connection terminated unexpectedly')],
    ['pg: pool timeout', new Error('timeout exceeded when trying to connect')],
    ['SQLite: I/O', new SQLite.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE')],
    ['SQLite: cannot open', new SQLite.SqliteError('unable to open database file', 'SQLITE_CANTOPEN')],
    ['wrapped', new Error('query failed', { cause: coded('ECONNRESET') })],
  ])('%s: the database cannot be reached (503, retry later)', async (_name, error) => {
    const res = await answerTo(error)
    expect(res.status).toBe(503)
    expect(res.body.error).toMatchObject({ code: 'unavailable', details: { reason: 'database_unreachable' } })
    expect(res.body.error.message).toMatch(/^The database cannot be reached/)
    expect(res.retryAfter).toBe('30')
    expect(res.raw).not.toMatch(/ECONN|SQLITE|5432|57P0/)
  })

  it.each([
    ['SQLite busy', new SQLite.SqliteError('database is locked', 'SQLITE_BUSY')],
    ['SQLite locked table', new SQLite.SqliteError('database table is locked', 'SQLITE_LOCKED_SHAREDCACHE')],
  ])('%s: the database is busy (503, retry soon)', async (_name, error) => {
    const res = await answerTo(error)
    expect(res.status).toBe(503)
    expect(res.body.error).toMatchObject({ code: 'unavailable', details: { reason: 'database_busy' } })
    expect(res.retryAfter).toBe('2')
  })

  it.each([
    ['file store', coded('ENOSPC', 'ENOSPC: no space left on device, write')],
    ['quota', coded('EDQUOT')],
    ['SQLite', new SQLite.SqliteError('database or disk is full', 'SQLITE_FULL')],
    ['PostgreSQL', coded('53100', 'could not extend file: No space left on device')],
  ])('%s: the disk is full (503)', async (_name, error) => {
    const res = await answerTo(error)
    expect(res.status).toBe(503)
    expect(res.body.error).toMatchObject({ code: 'unavailable', details: { reason: 'disk_full' } })
    expect(res.body.error.message).toBe("The server's disk is full, so nothing was saved. Tell an administrator.")
  })

  it('leaves a bug a 500', async () => {
    const res = await answerTo(new TypeError("Cannot read properties of undefined (reading 'x')"))
    expect(res.status).toBe(500)
    expect(res.body.error.code).toBe('internal')
  })

  it.each([
    [403, 'forbidden', 'FST_STATIC_FORBIDDEN_PATH'],
    [416, 'validation_failed', 'FST_RANGE_NOT_SATISFIABLE'],
    [405, 'validation_failed', 'FST_ERR_METHOD'],
  ])('a plugin error with status %i stays that status (%s)', async (status, code, pluginCode) => {
    const res = await answerTo(Object.assign(new Error('Forbidden'), { statusCode: status, code: pluginCode }))
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe(code)
  })

  it.each([
    'Multipart: Boundary not found',
    'Unexpected end of multipart data',
    'Part terminated early due to unexpected end of multipart data',
  ])('a malformed upload (%s) is a 400', async (message) => {
    const res = await answerTo(new Error(message))
    expect(res.status).toBe(400)
    expect(res.body.error.message).toBe('The upload is not valid multipart/form-data')
  })

  it('a character PostgreSQL cannot store is a 400', async () => {
    const res = await answerTo(coded('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation_failed')
    expect(res.raw).not.toContain('UTF8')
  })
})

describe('input hygiene', () => {
  it('refuses a NUL character in the path, query or body with 400 and its path', async () => {
    const app = Fastify({ logger: false })
    registerErrorHandler(app)
    registerInputHygiene(app)
    app.post('/echo/:name', async (request) => ({ ok: request.body }))
    const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object })
    const paths = async (url: string, payload: unknown) =>
      ((await post(url, payload)).json() as { error?: { details: { issues: { path: string }[] } } }).error?.details
        .issues[0]?.path
    expect(await paths('/echo/a%00b', {})).toBe('params.name')
    expect(await paths('/echo/a?q=x%00', {})).toBe('querystring.q')
    expect(await paths('/echo/a', { list: [{ text: 'ok' }, { text: 'a\u0000b' }] })).toBe('body.list.1.text')
    const fine = await post('/echo/%D0%82', { text: 'Ђорђе, çështje, 👩‍👩‍👧' })
    expect(fine.statusCode).toBe(200)
    await app.close()
  })
})
