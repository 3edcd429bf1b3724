import { type Kysely, SqliteAdapter } from 'kysely'

/** Conversions between the portable column types and the values the app uses, in one place. */
export const toBool = (v: number | boolean | null | undefined): boolean => v === 1 || v === true
export const fromBool = (v: boolean): number => (v ? 1 : 0)

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback
  return JSON.parse(text) as T
}
export const toJson = (value: unknown): string => JSON.stringify(value ?? null)

/**
 * Whether a number comes back from the database exactly as it was written: SQLite's REAL is a double. PostgreSQL's
 * `real` columns (the figures of answers) keep a float4, so there a figure must be read back as stored.
 */
export const keepsNumbersExactly = (db: Pick<Kysely<unknown>, 'getExecutor'>): boolean =>
  db.getExecutor().adapter instanceof SqliteAdapter
