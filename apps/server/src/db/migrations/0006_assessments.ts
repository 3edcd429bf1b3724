import type { Kysely } from 'kysely'

/**
 * Assessment and follow-up: experts' assessments per indicator (one per scorer, for independent double scoring),
 * comment threads on indicators, findings and conclusions (sanitised rich text), recommendations and their follow-up
 * in later rounds, and the second expert of an assignment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('assignments')
    .addColumn('second_expert_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute()

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('scorer', 'text', (c) => c.notNull())
    .addColumn('expert_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('no_data', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('no_data_reason', 'text')
    // JSON: the consolidated value, the source answers it rests on, evidence ids of those answers, own evidence.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('source_answer_ids', 'text', (c) => c.notNull())
    .addColumn('consolidation_note', 'text')
    .addColumn('score', 'real')
    .addColumn('normalised_score', 'real')
    .addColumn('justification', 'text')
    .addColumn('answer_evidence_ids', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text')
    .addColumn('data_gaps', 'text')
    .addColumn('discrepancy_resolution', 'text')
    // With double scoring: how the country lead settled a disagreement between the two experts.
    .addColumn('scoring_resolution', 'text')
    // The first expert's own score, kept when the lead's settling replaced it.
    .addColumn('expert_score', 'real')
    .addColumn('return_comment', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('validated_at', 'text')
    .addColumn('validated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('assessments_unique')
    .on('assessments')
    .columns(['round_id', 'country_code', 'indicator_code', 'scorer'])
    .unique()
    .execute()

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('comments_thread')
    .on('comments')
    .columns(['round_id', 'country_code', 'indicator_code', 'created_at'])
    .execute()

  // Findings per area, conclusions and summaries per country, regional texts (scope 'region'): sanitised HTML.
  await db.schema
    .createTable('narratives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('narratives_unique')
    .on('narratives')
    .columns(['round_id', 'scope', 'kind', 'area_code'])
    .unique()
    .execute()

  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('issued_round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('institutions', 'text', (c) => c.notNull())
    .addColumn('area_codes', 'text', (c) => c.notNull())
    .addColumn('indicator_codes', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('recommendations_country')
    .on('recommendations')
    .columns(['country_code', 'issued_round_id'])
    .execute()

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recommendation_id', 'text', (c) => c.notNull().references('recommendations.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('follow_ups_unique')
    .on('follow_ups')
    .columns(['recommendation_id', 'round_id'])
    .unique()
    .execute()
}
