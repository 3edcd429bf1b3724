import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { buildApp } from '../src/app.ts'
import { type Config, loadConfig } from '../src/config.ts'
import { type Database, type DatabaseHandle, openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { seedReferenceData } from '../src/seed/reference.ts'

export type TestEngine = 'sqlite' | 'postgres'
export type App = Awaited<ReturnType<typeof buildApp>>

export interface TestApp {
  app: App
  db: Database
  handle: DatabaseHandle
  config: Readonly<Config>
  /** Closes the app and the database, and deletes the database (file or schema). */
  close(): Promise<void>
}

/** The engine this test run uses: the Vitest project sets TEST_DB. */
export function testEngine(): TestEngine {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite'
}

function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  // No silent skip: a PostgreSQL run without a server is a broken run, in CI and locally alike.
  if (!url) {
    const where = process.env.CI === 'true' ? ' (CI=true: the PostgreSQL suite may not be skipped)' : ''
    throw new Error(`TEST_DB=postgres needs TEST_DATABASE_URL${where}`)
  }
  return url
}

/** Environment every test app starts from; a test overrides single values (LOGIN_MAX_FAILURES, BODY_LIMIT_MB, …). */
const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.TEST_LOG === '1' ? 'error' : 'silent',
  DEMO: 'false',
  // The general per-IP limiter would otherwise throttle suites that send many requests from one inject address.
  RATE_LIMIT_PER_MINUTE: '1000000',
  // A folder that never holds a build, so the route list does not depend on whether the web app was built.
  WEB_DIST: path.join(os.tmpdir(), 'thbm-test-no-web-build'),
}

async function openTestDatabase(
  engine: TestEngine,
): Promise<{ url: string; open(): DatabaseHandle; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-test-'))
    const file = path.join(dir, 'test.sqlite')
    return {
      url: file,
      open: () => openDatabase({ kind: 'sqlite', file }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  }
  const url = postgresUrl()
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`create schema ${schema}`)
  } finally {
    await admin.end()
  }
  return {
    url,
    open: () => openDatabase({ kind: 'postgres', url }, { searchPath: schema, poolSize: 4 }),
    drop: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`drop schema if exists ${schema} cascade`)
      } finally {
        await client.end()
      }
    },
  }
}

/**
 * Boots the real app on a fresh, migrated database with the reference data (countries): a temporary SQLite file, or
 * a new schema in TEST_DATABASE_URL for TEST_DB=postgres. Each call is isolated, so test files can run in parallel.
 */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const target = await openTestDatabase(testEngine())
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-files-'))
  const config = loadConfig({ ...TEST_ENV, DATABASE_URL: target.url, FILES_DIR: filesDir, ...overrides })
  const handle = target.open()
  try {
    await migrateToLatest(handle)
    await seedReferenceData(handle.db)
    const app = await buildApp({ config, database: handle, logger: process.env.TEST_LOG === '1' })
    await app.ready()
    return {
      app,
      db: handle.db,
      handle,
      config,
      close: async () => {
        await app.close()
        await handle.close()
        await target.drop()
        fs.rmSync(filesDir, { recursive: true, force: true })
      },
    }
  } catch (err) {
    await handle.close()
    await target.drop()
    throw err
  }
}

/** An empty database (nothing migrated) on the test engine (or the one named), for restore tests. */
export async function createEmptyDatabase(
  engine: TestEngine = testEngine(),
): Promise<{ handle: DatabaseHandle; url: string; close(): Promise<void> }> {
  const target = await openTestDatabase(engine)
  const handle = target.open()
  return {
    handle,
    url: target.url,
    close: async () => {
      await handle.close()
      await target.drop()
    },
  }
}
