import type { Kysely } from 'kysely'

/**
 * Published reports: each publication freezes the report's data (JSON) so later edits do not change what was
 * published. A correction adds the next number with a change note; earlier numbers stay downloadable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await db.schema
    .createIndex('report_publications_number')
    .on('report_publications')
    .columns(['round_id', 'scope', 'number'])
    .unique()
    .execute()
}
