/**
 * Every application table in foreign-key order (parents first), with the column that orders its rows.
 * Backup, restore and the tests that compare databases walk this list; a new table is added here with its migration.
 */
export const TABLES = [
  { name: 'app_meta', orderBy: 'key' },
  { name: 'countries', orderBy: 'code' },
  { name: 'organisations', orderBy: 'id' },
  { name: 'users', orderBy: 'id' },
  { name: 'memberships', orderBy: 'id' },
  { name: 'sessions', orderBy: 'id' },
  { name: 'one_time_tokens', orderBy: 'id' },
  { name: 'login_failures', orderBy: 'key' },
  { name: 'audit_events', orderBy: 'seq' },
] as const
