import { type Kysely, sql } from 'kysely'

/**
 * The Handbook as data: frameworks, their versions (draft, published, retired), areas, indicators with lineage,
 * codes retired by a version, and country adaptations. Localized texts and structured attributes are JSON text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('base_locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('framework_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('based_on_id', 'text', (c) => c.references('framework_versions.id'))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('framework_versions_label')
    .on('framework_versions')
    .columns(['framework_id', 'label'])
    .unique()
    .execute()

  await db.schema
    .createTable('framework_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('framework_versions.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('framework_areas_code')
    .on('framework_areas')
    .columns(['version_id', 'code'])
    .unique()
    .execute()

  await db.schema
    .createTable('adaptations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('framework_versions.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('adaptations_country')
    .on('adaptations')
    .columns(['version_id', 'country_code'])
    .unique()
    .execute()

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('framework_versions.id').onDelete('cascade'))
    .addColumn('area_id', 'text', (c) => c.notNull().references('framework_areas.id'))
    .addColumn('adaptation_id', 'text', (c) => c.references('adaptations.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('measurement', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('disaggregations', 'text', (c) => c.notNull())
    .addColumn('custom_dimensions', 'text', (c) => c.notNull())
    .addColumn('legal_references', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('is_core', 'integer', (c) => c.notNull())
    .addColumn('is_framework', 'integer', (c) => c.notNull())
    .addColumn('is_red_flag', 'integer', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('lineage_type', 'text', (c) => c.notNull())
    .addColumn('lineage_from', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await sql`create unique index indicators_code on indicators (version_id, code, coalesce(adaptation_id, ''))`.execute(
    db,
  )
  await db.schema.createIndex('indicators_area').on('indicators').columns(['area_id', 'position']).execute()

  await db.schema
    .createTable('version_retirements')
    .addColumn('version_id', 'text', (c) => c.notNull().references('framework_versions.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('version_retirements_pk', ['version_id', 'code'])
    .execute()

  await db.schema
    .createTable('adaptation_items')
    .addColumn('adaptation_id', 'text', (c) => c.notNull().references('adaptations.id').onDelete('cascade'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('excluded', 'integer', (c) => c.notNull())
    .addColumn('national_note', 'text', (c) => c.notNull())
    .addColumn('national_legal_references', 'text', (c) => c.notNull())
    .addColumn('national_sources', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('adaptation_items_pk', ['adaptation_id', 'indicator_code'])
    .execute()
}
