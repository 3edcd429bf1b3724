import type { Kysely } from 'kysely'

/**
 * Indicator reviews: a Delphi-style rating of a published Handbook version by participants from each country, in
 * rounds; each participant's responses per round and indicator (ratings per criterion as JSON); the coordinator's
 * decision per indicator. Pseudonyms are numbered when round 1 opens, in a random order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_version_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('round_open', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON: the criteria rated, the planned closing date per round, and when each round opened and closed.
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('consensus_iqr', 'real', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('rounds', 'text', (c) => c.notNull())
    // No foreign key: the generated draft may be discarded through the Handbook flow.
    .addColumn('generated_version_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('review_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('named', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pseudonym', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('review_participants_user')
    .on('review_participants')
    .columns(['review_id', 'user_id'])
    .unique()
    .execute()

  await db.schema
    .createTable('review_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('review_participants.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('proposal', 'text')
    .addColumn('merge_into', 'text')
    .addColumn('move_to', 'text')
    .addColumn('comment', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('review_responses_unique')
    .on('review_responses')
    .columns(['participant_id', 'round', 'indicator_code'])
    .unique()
    .execute()
  await db.schema.createIndex('review_responses_round').on('review_responses').columns(['review_id', 'round']).execute()

  await db.schema
    .createTable('review_decisions')
    .addColumn('review_id', 'text', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('merge_into', 'text')
    .addColumn('new_title', 'text')
    .addColumn('move_to', 'text')
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('review_decisions_pk', ['review_id', 'indicator_code'])
    .execute()
}
