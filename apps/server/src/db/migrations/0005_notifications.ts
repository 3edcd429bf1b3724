import type { Kysely } from 'kysely'

/**
 * In-app notifications: one row per reader and event (assignment, returned answer, comment, deadline reminder), with
 * its e-mail delivery state when SMTP is configured. `dedupe_key` keeps reminders from repeating.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('indicator_code', 'text')
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('role', 'text')
    .addColumn('comment', 'text')
    .addColumn('due_on', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('email_status', 'text', (c) => c.notNull())
    .addColumn('emailed_at', 'text')
    .execute()
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute()
  await db.schema
    .createIndex('notifications_dedupe')
    .on('notifications')
    .columns(['user_id', 'dedupe_key'])
    .unique()
    .execute()
  await db.schema.createIndex('notifications_email').on('notifications').columns(['email_status']).execute()
}
