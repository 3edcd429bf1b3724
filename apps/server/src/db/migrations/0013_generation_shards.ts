import { type Kysely, sql } from 'kysely'

/**
 * The data generation counter (0009) spread over 64 rows, read as their sum (db/generation.ts): one row updated by
 * every write transaction queued concurrent writes on PostgreSQL behind each other's commit. Rows 2–64 get the
 * epoch of row 1 and start at 0, so the sum, and every cache key made from it, is unchanged. `setup_n` counts the
 * write transactions that changed anything but answer data (the setup generation).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('data_generation')
    .addColumn('setup_n', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
  await sql`update data_generation set setup_n = n`.execute(db)
  for (let id = 2; id <= 64; id++)
    await sql`insert into data_generation (id, epoch, n, setup_n) select ${sql.lit(id)}, epoch, 0, 0 from data_generation where id = 1`.execute(
      db,
    )
}
