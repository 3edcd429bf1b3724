import { sql } from 'kysely'
import { expect } from 'vitest'
import type { Database } from '../src/db/database.ts'
import { TABLES } from '../src/db/tables.ts'

/** Every row of every application table, in a stable order: two snapshots are equal only when nothing changed. */
export async function snapshotDatabase(db: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of TABLES) {
    const order = sql.join(table.key.map((k) => sql.ref(k)))
    const res = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)} order by ${order}`.execute(db)
    out[table.name] = res.rows
  }
  return out
}

/** Row counts of every application table. */
export async function countRows(db: Database): Promise<Record<string, number>> {
  const snapshot = await snapshotDatabase(db)
  return Object.fromEntries(Object.entries(snapshot).map(([name, rows]) => [name, rows.length]))
}

/**
 * Runs fn and asserts that no table changed, not even one column of one row. Returns fn's result.
 * `except` names tables a refused request may still write on purpose (login_failures for a wrong password).
 */
export async function expectNoChange<T>(
  db: Database,
  fn: () => Promise<T>,
  options: { except?: string[] } = {},
): Promise<T> {
  const without = (snapshot: Record<string, unknown[]>) =>
    Object.fromEntries(Object.entries(snapshot).filter(([name]) => !options.except?.includes(name)))
  const before = without(await snapshotDatabase(db))
  const result = await fn()
  expect(without(await snapshotDatabase(db))).toEqual(before)
  return result
}

/** The newest audit sequence number (0 when the log is empty): remember it, act, then read what was appended. */
export async function lastAuditSeq(db: Database): Promise<number> {
  const row = await db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

export interface AuditRow {
  action: string
  actorId: string | null
  subjectType: string
  subjectId: string
  countryCode: string | null
  summary: { before?: unknown; after?: unknown }
  requestId: string | null
}

/** Audit rows appended after the given sequence number, oldest first. */
export async function auditRowsAfter(db: Database, seq: number): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .select(['action', 'actorId', 'subjectType', 'subjectId', 'countryCode', 'summary', 'requestId'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({ ...r, summary: JSON.parse(r.summary) as AuditRow['summary'] }))
}
