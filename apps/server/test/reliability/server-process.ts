import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { REPO_ROOT } from '../../src/config.ts'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts'
import { testEngine } from '../test-app.ts'

/**
 * Real server processes for the reliability tests: a fresh database that child processes reach through
 * DATABASE_URL (a SQLite file, or a new schema of TEST_DATABASE_URL named in the URL's search_path), and
 * `apps/server/src/main.ts` started under tsx in-process (`node --import tsx`), so SIGKILL hits the server itself.
 */

export interface ServerDatabase {
  /** DATABASE_URL for a server process or the CLI. */
  url: string
  engine: 'sqlite' | 'postgres'
  /** A handle in the test process, for checks. */
  open(): DatabaseHandle
  /** Deletes the database (file or schema) and the evidence folder. */
  drop(): Promise<void>
  filesDir: string
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** A fresh, empty database on the test engine (TEST_DB), and an empty evidence folder. */
export async function createServerDatabase(): Promise<ServerDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-rel-'))
  const filesDir = path.join(dir, 'files')
  fs.mkdirSync(filesDir)
  if (testEngine() === 'sqlite') {
    const file = path.join(dir, 'db.sqlite')
    return {
      url: file,
      engine: 'sqlite',
      filesDir,
      open: () => openDatabase({ kind: 'sqlite', file }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  }
  const base = process.env.TEST_DATABASE_URL
  if (!base) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL')
  const schema = `r_${randomBytes(6).toString('hex')}`
  await adminQuery(base, `create schema ${schema}`)
  const url = new URL(base)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    engine: 'postgres',
    filesDir,
    open: () => openDatabase({ kind: 'postgres', url: base }, { searchPath: schema, poolSize: 4 }),
    drop: async () => {
      await adminQuery(base, `drop schema if exists ${schema} cascade`)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The environment of a server or CLI process: only what it needs, so the test runner's variables do not leak in. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DEMO: 'false',
    HOST: '127.0.0.1',
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '1000000',
    WEB_DIST: path.join(os.tmpdir(), 'thbm-test-no-web-build'),
    ...env,
  }
}

const TSX = ['--import', 'tsx']

/** Runs the `thbm` CLI against the database; resolves with its output, rejects on a non-zero exit. */
export function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, 'apps/server/src/cli/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: childEnv(env),
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`thbm ${args.join(' ')}: ${out}`))))
  })
}

export interface ServerProcess {
  /** e.g. http://127.0.0.1:40123 */
  url: string
  child: ChildProcess
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string
  /** Resolves when the output contains the text (rejects after timeoutMs or when the process exits first). */
  waitFor(text: string, timeoutMs?: number): Promise<void>
  /** SIGKILL: no shutdown handler runs. Resolves when the process is gone. */
  kill(): Promise<void>
  /** SIGTERM (the graceful shutdown), then SIGKILL after 5 s. */
  stop(): Promise<void>
}

/** Starts `apps/server/src/main.ts` with DATABASE_URL and FILES_DIR, on a free port; resolves once it listens. */
export async function startServer(
  db: Pick<ServerDatabase, 'url' | 'filesDir'>,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...TSX, 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: childEnv({ DATABASE_URL: db.url, FILES_DIR: db.filesDir, ...env }),
  })
  let out = ''
  const waiters = new Set<() => void>()
  const onData = (d: Buffer) => {
    out += d
    for (const w of waiters) w()
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.once('exit', () => {
    for (const w of waiters) w()
  })

  const waitFor = (text: string, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.includes(text)) {
          done()
          resolve()
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done()
          reject(new Error(`The server exited before "${text}":\n${out}`))
        }
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`No "${text}" within ${timeoutMs} ms:\n${out}`))
      }, timeoutMs)
      const done = () => {
        clearTimeout(timer)
        waiters.delete(check)
      }
      waiters.add(check)
      check()
    })

  const gone = () => child.exitCode !== null || child.signalCode !== null
  const server: ServerProcess = {
    url: '',
    child,
    output: () => out,
    waitFor,
    kill: async () => {
      if (!gone()) child.kill('SIGKILL')
      await exited
    },
    stop: async () => {
      if (gone()) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
  try {
    // Generous: a loaded CI machine can take a minute to compile and start the server under tsx.
    await waitFor('THB Monitor is running at ', 120_000)
  } catch (err) {
    await server.kill()
    throw err
  }
  const match = /THB Monitor is running at (http:\/\/\S+)/.exec(out)
  server.url = match?.[1] ?? ''
  return server
}

/** A fetch-based client with its own cookie (one session), for talking to a real server process. */
export function httpClient(baseUrl: string, cookie = '') {
  let session = cookie
  const request = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const isForm = body instanceof FormData
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        ...(session ? { cookie: session } : {}),
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    })
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('thbm_session='))
    if (setCookie) session = setCookie.split(';')[0] ?? ''
    return res
  }
  return {
    get cookie() {
      return session
    },
    /** The same session against another server. */
    on: (otherBaseUrl: string) => httpClient(otherBaseUrl, session),
    request,
    get: (url: string) => request('GET', url),
    post: (url: string, body?: unknown) => request('POST', url, body),
    put: (url: string, body?: unknown) => request('PUT', url, body),
    patch: (url: string, body?: unknown) => request('PATCH', url, body),
    /** Signs in through the API; throws unless it worked. */
    login: async (email: string, password: string) => {
      const res = await request('POST', '/api/auth/login', { email, password })
      if (res.status !== 200) throw new Error(`login as ${email}: ${res.status} ${await res.text()}`)
    },
  }
}
