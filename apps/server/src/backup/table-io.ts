import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import { TABLES } from '../db/tables.ts'

export type Row = Record<string, unknown>
type AnyDb = Kysely<Record<string, Row>>

const BATCH = 1000

/** Reads every row of a table in its stable order, in batches (keyset paging), as the app sees rows (camelCase). */
export async function* readTable(db: Database, table: (typeof TABLES)[number]): AsyncGenerator<Row[]> {
  const anyDb = db as unknown as AnyDb
  const keys = table.key.map((k) => sql.ref(k))
  let last: unknown[] | undefined
  for (;;) {
    let query = anyDb.selectFrom(table.name).selectAll().limit(BATCH)
    for (const k of keys) query = query.orderBy(k)
    if (last !== undefined) {
      const after = sql<boolean>`(${sql.join(keys)}) > (${sql.join(last)})`
      query = query.where(after)
    }
    const rows = await query.execute()
    if (rows.length === 0) return
    yield rows
    if (rows.length < BATCH) return
    const lastRow = rows[rows.length - 1] as Row
    last = table.key.map((k) => lastRow[camel(k)])
  }
}

/** Inserts rows into a table in batches of a size every engine's parameter limit accepts. */
export async function insertRows(db: Database, tableName: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0] as Row).length || 1
  const size = Math.max(1, Math.floor(30_000 / columns))
  for (let i = 0; i < rows.length; i += size) {
    await (db as unknown as AnyDb)
      .insertInto(tableName)
      .values(rows.slice(i, i + size))
      .execute()
  }
}

/** Counts the rows of every application table. */
export async function countRows(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const t of TABLES) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(db)
    counts[t.name] = Number(r.rows[0]?.n ?? 0)
  }
  return counts
}

export function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}
