import type { Kysely } from 'kysely'
import type { Engine } from './helpers.ts'

/**
 * Background work (docs/decisions/0010-jobs.md): `jobs`, the queue every app instance's worker claims from (written
 * in the same transaction as the change that asks for the work), and `report_documents`, the rendered documents of
 * published reports, stored as bytes so every instance serves the same file. Neither is in TABLES (db/tables.ts):
 * jobs are transient, and documents are re-rendered from the publication's snapshot on demand.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_note', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_after']).execute()
  await db.schema
    .createTable('report_documents')
    .addColumn('publication_id', 'text', (c) => c.notNull().references('report_publications.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('disclosure', 'text', (c) => c.notNull())
    .addColumn('content', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_documents_pk', ['publication_id', 'format', 'lang', 'disclosure'])
    .execute()
}
