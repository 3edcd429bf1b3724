import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Config } from '../config.ts'
import type { Engine } from './migrations/helpers.ts'
import type { DB } from './schema.ts'

// int8 (counts, sums) and numeric come back as strings from pg; the app wants numbers on both engines.
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(1700, (v) => Number(v))

export type Database = Kysely<DB>

export interface DatabaseHandle {
  db: Database
  engine: Engine
  /** The SQLite connection, for online backup and integrity checks; absent on PostgreSQL. */
  sqlite?: SQLite.Database
  close(): Promise<void>
}

/** Opens the database named by the config: a SQLite file (created with its folder) or a PostgreSQL URL. */
export function openDatabase(
  database: Config['database'],
  options: { searchPath?: string; poolSize?: number } = {},
): DatabaseHandle {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: options.poolSize ?? 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    })
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] })
    return { db, engine: 'postgres', close: () => db.destroy() }
  }
  if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true })
  const sqlite = new SQLite(database.file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] })
  return { db, engine: 'sqlite', sqlite, close: () => db.destroy() }
}
