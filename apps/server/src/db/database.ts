import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { CamelCasePlugin, Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Config } from '../config.ts'
import type { Engine } from './migrations/helpers.ts'
import type { DB } from './schema.ts'
import { checkpointInBackground } from './wal-checkpoints.ts'

// int8 (counts, sums) and numeric come back as strings from pg; the app wants numbers on both engines.
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(1700, (v) => Number(v))

export type Database = Kysely<DB>

export interface DatabaseHandle {
  db: Database
  engine: Engine
  /** The SQLite connection, for online backup and integrity checks; absent on PostgreSQL. */
  sqlite?: SQLite.Database
  /**
   * SQLite: a second connection to the file, for reads that must see only committed data and must not queue behind
   * the app connection's transactions (the data generation, db/generation.ts); absent on PostgreSQL and in memory.
   */
  committed?: SQLite.Database
  close(): Promise<void>
}

/** Opens the database named by the config: a SQLite file (created with its folder) or a PostgreSQL URL. */
export function openDatabase(
  database: Config['database'],
  options: {
    searchPath?: string
    poolSize?: number
    /** SQLite: checkpoint the WAL from a worker thread, off the event loop (the server: wal-checkpoints.ts). */
    backgroundCheckpoints?: boolean
  } = {},
): DatabaseHandle {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: options.poolSize ?? 10,
      // A database that does not answer at all fails the request (503) instead of holding it forever.
      connectionTimeoutMillis: 10_000,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    })
    // A connection that breaks (the server restarts, the network drops) is dropped from the pool and its query fails
    // (503, http/error-handler.ts); pg also emits the error on the pool (idle) or the client (checked out), where
    // without these listeners it would be unhandled and end the process.
    pool.on('error', () => {})
    pool.on('connect', (client) => client.on('error', () => {}))
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] })
    return { db, engine: 'postgres', close: () => db.destroy() }
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true })
  const sqlite = new SQLite(database.file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()],
  })
  const inFile = database.file !== ':memory:'
  const stopCheckpoints =
    options.backgroundCheckpoints && inFile ? checkpointInBackground(sqlite, database.file) : async () => {}
  const committed = inFile ? new SQLite(database.file, { fileMustExist: true }) : undefined
  committed?.pragma('busy_timeout = 5000')
  return {
    db,
    engine: 'sqlite',
    sqlite,
    ...(committed ? { committed } : {}),
    close: async () => {
      await stopCheckpoints()
      committed?.close()
      await db.destroy()
    },
  }
}

/**
 * The SQLite connection as Kysely sees it, reusing prepared statements: Kysely prepares every query anew, and
 * preparing costs more than running a small query. Kysely runs one query at a time per connection, so a statement is
 * never busy when it is reused. Least recently used out beyond `max`.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text)
      if (statement) statements.delete(text)
      else {
        statement = sqlite.prepare(text)
        if (statements.size >= max) statements.delete(statements.keys().next().value as string)
      }
      statements.set(text, statement)
      return statement
    },
  }
}
