/**
 * Every application table in foreign-key order (parents first), with the columns of its primary key (which order its rows).
 * Backup, restore and the tests that compare databases walk this list; a new table is added here with its migration.
 */
export const TABLES = [
  { name: 'app_meta', key: ['key'] },
  { name: 'countries', key: ['code'] },
  { name: 'organisations', key: ['id'] },
  { name: 'users', key: ['id'] },
  { name: 'memberships', key: ['id'] },
  { name: 'sessions', key: ['id'] },
  { name: 'one_time_tokens', key: ['id'] },
  { name: 'login_failures', key: ['key'] },
  { name: 'frameworks', key: ['id'] },
  { name: 'framework_versions', key: ['id'] },
  { name: 'framework_areas', key: ['id'] },
  { name: 'adaptations', key: ['id'] },
  { name: 'indicators', key: ['id'] },
  { name: 'version_retirements', key: ['version_id', 'code'] },
  { name: 'adaptation_items', key: ['adaptation_id', 'indicator_code'] },
  { name: 'rounds', key: ['id'] },
  { name: 'round_countries', key: ['round_id', 'country_code'] },
  { name: 'round_manual_indicators', key: ['round_id', 'indicator_code'] },
  { name: 'round_indicators', key: ['round_id', 'country_code', 'indicator_code'] },
  { name: 'assignments', key: ['id'] },
  { name: 'assignment_providers', key: ['assignment_id', 'organisation_id'] },
  { name: 'files', key: ['id'] },
  { name: 'answers', key: ['id'] },
  { name: 'answer_cells', key: ['answer_id', 'cell_key'] },
  { name: 'evidence', key: ['id'] },
  { name: 'import_batches', key: ['id'] },
  { name: 'import_batch_answers', key: ['batch_id', 'answer_id'] },
  { name: 'audit_events', key: ['seq'] },
] as const
