import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely'
import type { DatabaseHandle } from './database.ts'
import { MIGRATIONS } from './migrations/index.ts'

class CodeMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: DatabaseHandle['engine']) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, this.engine) }]),
    )
  }
}

/** Brings the schema up to date; returns the names of the migrations it applied. Throws on the first failure. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  // Without a schema, Kysely takes a migration table in any schema of a PostgreSQL database for its own: name the
  // schema the app works in, so installations (or test runs) in other schemas of the same database do not mix.
  const migrationTableSchema =
    handle.engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db)).rows[0]?.schema
      : undefined
  const migrator = new Migrator({
    db: handle.db,
    provider: new CodeMigrationProvider(handle.engine),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
