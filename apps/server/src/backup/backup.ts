import { once } from 'node:events'
import fs from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import type { DatabaseHandle } from '../db/database.ts'
import { TABLES } from '../db/tables.ts'
import { appliedMigrations } from './migrations-applied.ts'
import { readTable } from './table-io.ts'

export const DUMP_FORMAT = 'thbm-dump'
export const DUMP_VERSION = 1

export type BackupFormat = 'sqlite' | 'dump'

/**
 * Writes a backup of the whole database to a file. `sqlite`: SQLite's online backup (a consistent copy while the app
 * runs). `dump`: a gzipped JSON-lines logical dump (a header line, then one line per row) that either engine restores.
 */
export async function backupDatabase(
  handle: DatabaseHandle,
  outFile: string,
  format: BackupFormat,
): Promise<{ rows: number }> {
  if (format === 'sqlite') {
    if (!handle.sqlite) throw new Error('The sqlite format needs a SQLite database; use --format dump on PostgreSQL')
    await handle.sqlite.backup(outFile)
    return { rows: -1 }
  }
  let rows = 0
  const migrations = await appliedMigrations(handle.db)
  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify({ format: DUMP_FORMAT, version: DUMP_VERSION, engine: handle.engine, createdAt: new Date().toISOString(), migrations })}\n`
    for (const table of TABLES) {
      for await (const batch of readTable(handle.db, table)) {
        rows += batch.length
        yield batch.map((row) => `${JSON.stringify({ t: table.name, r: row })}\n`).join('')
      }
    }
  }
  const tmp = `${outFile}.partial`
  const out = fs.createWriteStream(tmp)
  await once(out, 'open')
  await pipeline(Readable.from(lines()), createGzip(), out)
  fs.renameSync(tmp, outFile)
  return { rows }
}
