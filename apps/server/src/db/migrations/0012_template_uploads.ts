import type { Kysely } from 'kysely'
import type { Engine } from './helpers.ts'

/**
 * `template_uploads`: a large filled template waiting for its import job (modules/templates/template-uploads.ts),
 * kept as bytes in the database so that any instance's worker can read it, also after a restart. The row is written
 * in the same transaction as the job and deleted when the job ends. Not in TABLES (db/tables.ts): like the job queue,
 * it is transient.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('template_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}
