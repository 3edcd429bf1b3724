import type { Kysely } from 'kysely'

/**
 * Import batches: one row per applied XLSX template (who, when, round, country, organisations, counts, revert), and
 * one row per answer it touched, with that answer's state before the import so the batch can be reverted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('organisation_ids', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answers_created', 'integer', (c) => c.notNull())
    .addColumn('answers_updated', 'integer', (c) => c.notNull())
    .addColumn('reverted_at', 'text')
    .addColumn('reverted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('revert_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('import_batches_round_country')
    .on('import_batches')
    .columns(['round_id', 'country_code', 'created_at'])
    .execute()

  // No foreign key to answers: reverting a batch deletes the answers it created, and this record stays.
  // `before` is the answer as it was (row, cells, evidence) as JSON, or null when the batch created the answer.
  await db.schema
    .createTable('import_batch_answers')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('import_batches.id').onDelete('cascade'))
    .addColumn('answer_id', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after_version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_batch_answers_pk', ['batch_id', 'answer_id'])
    .execute()
}
