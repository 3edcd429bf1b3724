import { sql } from 'kysely'
import type { Database } from '../db/database.ts'

/** Names of the migrations applied to a database (Kysely's migration table), oldest first. */
export async function appliedMigrations(db: Database): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
  return r.rows.map((row) => row.name)
}
