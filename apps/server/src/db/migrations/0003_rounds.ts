import { type Kysely, sql } from 'kysely'

/**
 * Monitoring rounds and data collection: rounds pinned to a published framework version, participating countries,
 * each country's indicator list (frozen when collection starts), assignments to experts and data providers, source
 * answers with disaggregated cells, evidence and stored files.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('framework_version_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('focus_topic', 'text')
    .addColumn('focus_label', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('collection_closes_on', 'text')
    .addColumn('review_closes_on', 'text')
    .addColumn('publication_on', 'text')
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('round_countries')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addPrimaryKeyConstraint('round_countries_pk', ['round_id', 'country_code'])
    .execute()

  // Indicators picked for the round by hand, on top of the core set and the focus topic.
  await db.schema
    .createTable('round_manual_indicators')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_manual_indicators_pk', ['round_id', 'indicator_code'])
    .execute()

  // Each country's list: the selection after its adaptation, recomputed while planning and frozen at collection.
  await db.schema
    .createTable('round_indicators')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_indicators_pk', ['round_id', 'country_code', 'indicator_code'])
    .execute()

  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('expert_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('assignments_unique')
    .on('assignments')
    .columns(['round_id', 'country_code', 'indicator_code'])
    .unique()
    .execute()
  await db.schema.createIndex('assignments_expert').on('assignments').columns(['expert_id', 'round_id']).execute()

  await db.schema
    .createTable('assignment_providers')
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('assignment_providers_pk', ['assignment_id', 'organisation_id'])
    .execute()
  await db.schema.createIndex('assignment_providers_org').on('assignment_providers').column('organisation_id').execute()

  await db.schema
    .createTable('answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('no_data', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('no_data_reason', 'text')
    .addColumn('value_choice', 'text')
    .addColumn('value_number', 'real')
    .addColumn('value_numerator', 'real')
    .addColumn('value_denominator', 'real')
    .addColumn('value_text', 'text')
    .addColumn('narrative', 'text')
    .addColumn('parts_explanation', 'text')
    .addColumn('change_comment', 'text')
    .addColumn('return_comment', 'text')
    .addColumn('import_batch_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('answers_unique')
    .on('answers')
    .columns(['round_id', 'country_code', 'indicator_code', 'organisation_id'])
    .unique()
    .execute()

  // Disaggregated figures: a key like `sex=female;victim_status=identified` (dimensions sorted), one row per cell.
  await db.schema
    .createTable('answer_cells')
    .addColumn('answer_id', 'text', (c) => c.notNull().references('answers.id').onDelete('cascade'))
    .addColumn('cell_key', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_cells_pk', ['answer_id', 'cell_key'])
    .execute()

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('answer_id', 'text', (c) => c.notNull().references('answers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.references('files.id'))
    .addColumn('url', 'text')
    .addColumn('citation', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()
  await sql`create index evidence_answer on evidence (answer_id, position)`.execute(db)
}
