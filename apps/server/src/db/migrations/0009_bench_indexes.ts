import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'

/**
 * Performance (issue 9 benchmarks): the data generation counter that read caches are keyed by (one row; not in
 * TABLES, so backups leave it out and a restored database starts its own), and indexes for the dashboards and
 * reports: one indicator across rounds (explorer), and a round's follow-ups (regional report, overview).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('epoch', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute()
  await sql`insert into data_generation (id, epoch, n) values (1, ${randomBytes(8).toString('hex')}, 0)`.execute(db)
  await db.schema
    .createIndex('assessments_indicator')
    .on('assessments')
    .columns(['indicator_code', 'round_id'])
    .execute()
  await db.schema.createIndex('follow_ups_round').on('follow_ups').column('round_id').execute()
}
