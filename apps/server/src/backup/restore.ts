import fs from 'node:fs'
import readline from 'node:readline'
import { createGunzip } from 'node:zlib'
import { sql } from 'kysely'
import { type DatabaseHandle, openDatabase } from '../db/database.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { MIGRATIONS } from '../db/migrations/index.ts'
import { TABLES } from '../db/tables.ts'
import { type Trx, withTransaction } from '../db/transaction.ts'
import { recordAudit } from '../modules/audit/record-audit.ts'
import { DUMP_FORMAT, DUMP_VERSION } from './backup.ts'
import { appliedMigrations } from './migrations-applied.ts'
import { countRows, insertRows, type Row, readTable } from './table-io.ts'

export class RestoreError extends Error {}

const SQLITE_MAGIC = 'SQLite format 3\u0000'

/** A backup file, or a part of one (bytes start to end inclusive: the database inside a backup archive). */
export interface DatabaseSource {
  file: string
  start?: number
  end?: number
}

function detectFormat({ file, start = 0 }: DatabaseSource): 'sqlite' | 'dump' {
  const fd = fs.openSync(file, 'r')
  const head = Buffer.alloc(16)
  const n = fs.readSync(fd, head, 0, 16, start)
  fs.closeSync(fd)
  if (n === 16 && head.toString('latin1') === SQLITE_MAGIC) return 'sqlite'
  if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'dump'
  throw new RestoreError(`${file} is neither a THB Monitor backup archive nor a SQLite backup or dump`)
}

function assertKnownMigrations(names: string[]): void {
  const unknown = names.filter((n) => !(n in MIGRATIONS))
  if (unknown.length)
    throw new RestoreError(
      `The backup comes from a newer version (unknown migrations: ${unknown.join(', ')}). Upgrade first.`,
    )
}

/** Yields [table, rows] batches from a SQLite backup file, in table order. */
async function* fromSqlite(file: string): AsyncGenerator<[string, Row[]]> {
  const source = openDatabase({ kind: 'sqlite', file })
  try {
    assertKnownMigrations(await appliedMigrations(source.db))
    for (const table of TABLES) for await (const rows of readTable(source.db, table)) yield [table.name, rows]
  } finally {
    await source.close()
  }
}

/** Yields [table, rows] batches from a gzipped JSON-lines dump, checking its header first. */
async function* fromDump({ file, start, end }: DatabaseSource): AsyncGenerator<[string, Row[]]> {
  const input = fs.createReadStream(file, { start, end }).pipe(createGunzip())
  const lines = readline.createInterface({ input, crlfDelay: Infinity })
  let header: { format?: string; version?: number; migrations?: string[] } | null = null
  let table = ''
  let batch: Row[] = []
  let lineNo = 0
  for await (const line of lines) {
    lineNo++
    if (!line) continue
    let parsed: { t?: string; r?: Row; format?: string; version?: number; migrations?: string[] }
    try {
      parsed = JSON.parse(line)
    } catch {
      throw new RestoreError(`Line ${lineNo} of the dump is not valid JSON`)
    }
    if (!header) {
      header = parsed
      if (header.format !== DUMP_FORMAT || header.version !== DUMP_VERSION)
        throw new RestoreError('The file is not a THB Monitor dump of a known version')
      assertKnownMigrations(header.migrations ?? [])
      continue
    }
    if (typeof parsed.t !== 'string' || typeof parsed.r !== 'object' || parsed.r === null)
      throw new RestoreError(`Line ${lineNo} of the dump is malformed`)
    if (!TABLES.some((t) => t.name === parsed.t))
      throw new RestoreError(`Line ${lineNo} names an unknown table ${parsed.t}`)
    if (parsed.t !== table || batch.length >= 1000) {
      if (batch.length) yield [table, batch]
      table = parsed.t
      batch = []
    }
    batch.push(parsed.r)
  }
  if (!header) throw new RestoreError('The dump is empty')
  if (batch.length) yield [table, batch]
}

/**
 * Restores a backup into the target database, which must be empty: it is migrated, then every row is inserted in one
 * transaction (all or nothing), and the restore itself is audited. `beforeCommit` runs in that transaction after the
 * rows (the archive restore copies the files there); what it returns goes into the audit row.
 */
export async function restoreDatabase(
  target: DatabaseHandle,
  backup: string | DatabaseSource,
  options: { beforeCommit?: (trx: Trx) => Promise<Record<string, unknown>> } = {},
): Promise<{ rows: number; format: 'sqlite' | 'dump' }> {
  const source = typeof backup === 'string' ? { file: backup } : backup
  const file = source.file
  if (!fs.existsSync(file)) throw new RestoreError(`No such file: ${file}`)
  const format = detectFormat(source)
  if (format === 'sqlite' && (source.start !== undefined || source.end !== undefined))
    throw new RestoreError('A SQLite backup inside an archive must be unpacked first')
  await migrateToLatest(target)
  const counts = await countRows(target.db)
  const filled = Object.entries(counts).filter(([, n]) => n > 0)
  if (filled.length) {
    throw new RestoreError(
      `The target database is not empty (${filled.map(([t, n]) => `${t}: ${n}`).join(', ')}). Restore into a new, empty database.`,
    )
  }
  let rows = 0
  await withTransaction(target.db, async (trx) => {
    for await (const [table, batch] of format === 'sqlite' ? fromSqlite(file) : fromDump(source)) {
      await insertRows(trx, table, batch)
      rows += batch.length
    }
    if (target.engine === 'postgres') {
      await sql`select setval(pg_get_serial_sequence('audit_events', 'seq'), coalesce((select max(seq) from audit_events), 0) + 1, false)`.execute(
        trx,
      )
    }
    const more = options.beforeCommit ? await options.beforeCommit(trx) : {}
    await recordAudit(
      trx,
      { actor: null, requestId: null },
      { action: 'data.restored', subjectType: 'installation', subjectId: 'backup', after: { format, rows, ...more } },
    )
  })
  return { rows, format }
}
