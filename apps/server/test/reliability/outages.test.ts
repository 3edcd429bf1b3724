import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildApp } from '../../src/app.ts'
import { openDatabase } from '../../src/db/database.ts'
import { countRows } from '../db-state.ts'
import { asUser } from '../factories.ts'
import { type App, createTestApp, type TestApp, testEngine } from '../test-app.ts'
import { multipart } from './multipart.ts'

/**
 * The database going away and the disk filling up: the API answers 503 in plain words (never 500), keeps nothing
 * half-saved, and serves again as soon as the cause is gone.
 */

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())
afterEach(() => {
  vi.restoreAllMocks()
})

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n')

function expectUnavailable(res: { statusCode: number; json(): unknown; body: string }, message: RegExp) {
  expect(res.statusCode, res.body).toBe(503)
  const body = res.json() as { error: { code: string; message: string } }
  expect(body.error.code).toBe('unavailable')
  expect(body.error.message).toMatch(message)
  expect(res.body).not.toMatch(/ENOSPC|ECONNREFUSED|SQLITE|stack|\.ts:\d+/)
}

/** Regular files anywhere under the folder. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

describe('a full disk', () => {
  it('refuses an evidence upload with 503, keeps no partial file or row, and stores it once there is room', async () => {
    const provider = await asUser(t.app, 'expert', 'RS')
    const upload = () => {
      const { payload, headers } = multipart({ data: PDF, filename: 'evidence.pdf' }, { country: 'RS' })
      return t.app.inject({
        method: 'POST',
        url: '/api/files',
        payload,
        headers: { ...headers, cookie: provider.cookie },
      })
    }
    const realWrite = fs.writeFileSync
    // The disk fills up half-way through the file: part of it reaches the disk, then ENOSPC.
    vi.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
      if (typeof file === 'string' && file.startsWith(t.config.filesDir) && Buffer.isBuffer(data)) {
        realWrite(file, data.subarray(0, data.length >> 1), options)
        throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28 })
      }
      return realWrite(file, data, options)
    })
    const before = await countRows(t.db)
    expectUnavailable(await upload(), /disk is full/i)
    expect(await countRows(t.db)).toEqual(before)
    expect(filesUnder(t.config.filesDir)).toEqual([])

    vi.restoreAllMocks()
    const stored = await upload()
    expect(stored.statusCode, stored.body).toBe(201)
    expect(filesUnder(t.config.filesDir)).toHaveLength(1)
  })
})

/** A TCP proxy in front of PostgreSQL that the test can cut (every connection dropped, no new ones) and restore. */
async function cuttableProxy(target: URL) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = 0
  const open = () =>
    new Promise<void>((resolve) => {
      const listening = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname)
        for (const s of [client, upstream]) {
          sockets.add(s)
          s.on('error', () => s.destroy())
          s.on('close', () => {
            sockets.delete(s)
            client.destroy()
            upstream.destroy()
          })
        }
        client.pipe(upstream).pipe(client)
      })
      listening.listen(port, '127.0.0.1', () => {
        port = (listening.address() as net.AddressInfo).port
        resolve()
      })
      server = listening
    })
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      server?.close(() => resolve())
    })
  await open()
  const url = new URL(target)
  url.host = `127.0.0.1:${port}`
  return { url: url.toString(), open, cut }
}

/** The app on a database connection the test can break; restore() mends it. */
async function breakableApp(): Promise<{ app: App; breakDatabase(): Promise<void>; restore(): Promise<void> }> {
  if (testEngine() === 'sqlite') {
    // Every statement fails as the disk would, whether the app prepares it anew or reuses a cached one.
    const sqlite = t.handle.sqlite as SQLite.Database
    const statement = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<string, unknown>
    let failure: string | null = null
    for (const method of ['all', 'run', 'get', 'iterate'] as const) {
      const real = statement[method] as (...args: unknown[]) => unknown
      vi.spyOn(statement as Record<string, (...args: unknown[]) => unknown>, method).mockImplementation(function (
        this: unknown,
        ...args: unknown[]
      ) {
        if (failure) throw new SQLite.SqliteError(`simulated ${failure}`, failure)
        return real.apply(this, args)
      })
    }
    return {
      app: t.app,
      breakDatabase: async () => {
        failure = 'SQLITE_IOERR_READ'
      },
      restore: async () => {
        failure = null
      },
    }
  }
  const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db)).rows[0]?.schema
  const proxy = await cuttableProxy(new URL(process.env.TEST_DATABASE_URL as string))
  const database = openDatabase({ kind: 'postgres', url: proxy.url }, { searchPath: schema, poolSize: 4 })
  const app = await buildApp({ config: t.config, database, logger: false })
  await app.ready()
  proxies.push(async () => {
    await app.close()
    await database.close()
    await proxy.cut()
  })
  return { app, breakDatabase: proxy.cut, restore: proxy.open }
}
const proxies: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const close of proxies) await close()
})

describe('the database going away', () => {
  it('answers 503 in plain words while it is gone, and serves again when it is back', async () => {
    const { app, breakDatabase, restore } = await breakableApp()
    const admin = await asUser(app, 'admin')
    const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } })
    const patch = () =>
      app.inject({
        method: 'PATCH',
        url: '/api/countries/RS',
        payload: { version: 1, names: { en: 'Serbia' } },
        headers: { cookie: admin.cookie },
      })
    expect((await get('/api/organisations')).statusCode).toBe(200)

    await breakDatabase()
    for (let i = 0; i < 3; i++) {
      expectUnavailable(await get('/api/organisations'), /database/i)
      expectUnavailable(await get('/api/health'), /database/i)
      expectUnavailable(await patch(), /database/i)
      expectUnavailable(await app.inject({ method: 'GET', url: '/api/config' }), /database/i)
    }

    await restore()
    expect((await get('/api/organisations')).statusCode).toBe(200)
    expect((await get('/api/health')).statusCode).toBe(200)
  })
})
