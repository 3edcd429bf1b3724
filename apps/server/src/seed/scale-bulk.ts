import { CompiledQuery } from 'kysely'
import type { DatabaseHandle } from '../db/database.ts'
import type { Trx } from '../db/transaction.ts'

/** Column types for PostgreSQL's unnest casts; SQLite ignores them. */
export type BulkType = 'text' | 'integer' | 'real'

/** A table and the columns a bulk insert fills (snake_case), in row order. */
export interface BulkTable {
  name: string
  columns: readonly (readonly [column: string, type: BulkType])[]
}

export type BulkRow = (string | number | null)[]

export interface BulkWriter {
  /** Inserts the rows (each in `table.columns` order) in the open transaction. */
  insert(table: BulkTable, rows: BulkRow[]): Promise<void>
}

/** Rows per PostgreSQL statement: one array parameter per column, so the parameter limit never applies. */
const PG_CHUNK = 5000

/**
 * Bulk inserts without Kysely's per-statement cost: on SQLite, prepared statements of the better-sqlite3 connection
 * inside one BEGIN/COMMIT; on PostgreSQL, `insert … select * from unnest($1::text[], …)` in chunks, in one transaction.
 */
export async function withBulkWriter<T>(handle: DatabaseHandle, fn: (writer: BulkWriter) => Promise<T>): Promise<T> {
  const sqlite = handle.sqlite
  if (sqlite) {
    const statements = new Map<string, ReturnType<typeof sqlite.prepare>>()
    const writer: BulkWriter = {
      async insert(table, rows) {
        let statement = statements.get(table.name)
        if (!statement) {
          const columns = table.columns.map(([c]) => c)
          statement = sqlite.prepare(
            `insert into ${table.name} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
          )
          statements.set(table.name, statement)
        }
        for (const row of rows) statement.run(row)
      },
    }
    sqlite.exec('begin')
    try {
      const result = await fn(writer)
      sqlite.exec('commit')
      return result
    } catch (err) {
      sqlite.exec('rollback')
      throw err
    }
  }
  return handle.db.transaction().execute(async (trx: Trx) => {
    const writer: BulkWriter = {
      async insert(table, rows) {
        const columns = table.columns.map(([c]) => c).join(', ')
        const arrays = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')
        const text = `insert into ${table.name} (${columns}) select * from unnest(${arrays})`
        for (let start = 0; start < rows.length; start += PG_CHUNK) {
          const chunk = rows.slice(start, start + PG_CHUNK)
          const params = table.columns.map((_, i) => chunk.map((r) => r[i] ?? null))
          await trx.executeQuery(CompiledQuery.raw(text, params))
        }
      },
    }
    return fn(writer)
  })
}

/** Column lists of the tables the scale seed fills. */
export const T = {
  countries: {
    name: 'countries',
    columns: [
      ['code', 'text'],
      ['names', 'text'],
      ['sort_order', 'integer'],
      ['version', 'integer'],
      ['created_at', 'text'],
      ['updated_at', 'text'],
    ],
  },
  organisations: {
    name: 'organisations',
    columns: [
      ['id', 'text'],
      ['name', 'text'],
      ['type', 'text'],
      ['country_code', 'text'],
      ['active', 'integer'],
      ['version', 'integer'],
      ['created_at', 'text'],
      ['updated_at', 'text'],
    ],
  },
  rounds: {
    name: 'rounds',
    columns: [
      ['id', 'text'],
      ['name', 'text'],
      ['period_from', 'text'],
      ['period_to', 'text'],
      ['framework_version_id', 'text'],
      ['focus_label', 'text'],
      ['status', 'text'],
      ['collection_closes_on', 'text'],
      ['options', 'text'],
      ['created_at', 'text'],
      ['updated_at', 'text'],
      ['version', 'integer'],
    ],
  },
  roundCountries: {
    name: 'round_countries',
    columns: [
      ['round_id', 'text'],
      ['country_code', 'text'],
    ],
  },
  roundIndicators: {
    name: 'round_indicators',
    columns: [
      ['round_id', 'text'],
      ['country_code', 'text'],
      ['indicator_code', 'text'],
      ['area_code', 'text'],
      ['position', 'integer'],
      ['reason', 'text'],
    ],
  },
  assignments: {
    name: 'assignments',
    columns: [
      ['id', 'text'],
      ['round_id', 'text'],
      ['country_code', 'text'],
      ['indicator_code', 'text'],
      ['due_on', 'text'],
      ['updated_at', 'text'],
      ['version', 'integer'],
    ],
  },
  assignmentProviders: {
    name: 'assignment_providers',
    columns: [
      ['assignment_id', 'text'],
      ['organisation_id', 'text'],
    ],
  },
  answers: {
    name: 'answers',
    columns: [
      ['id', 'text'],
      ['round_id', 'text'],
      ['country_code', 'text'],
      ['indicator_code', 'text'],
      ['organisation_id', 'text'],
      ['status', 'text'],
      ['no_data', 'integer'],
      ['value_choice', 'text'],
      ['value_number', 'real'],
      ['value_numerator', 'real'],
      ['value_denominator', 'real'],
      ['value_text', 'text'],
      ['created_at', 'text'],
      ['updated_at', 'text'],
      ['submitted_at', 'text'],
      ['version', 'integer'],
    ],
  },
  answerCells: {
    name: 'answer_cells',
    columns: [
      ['answer_id', 'text'],
      ['cell_key', 'text'],
      ['value', 'real'],
    ],
  },
  assessments: {
    name: 'assessments',
    columns: [
      ['id', 'text'],
      ['round_id', 'text'],
      ['country_code', 'text'],
      ['indicator_code', 'text'],
      ['scorer', 'text'],
      ['status', 'text'],
      ['no_data', 'integer'],
      ['value', 'text'],
      ['source_answer_ids', 'text'],
      ['score', 'real'],
      ['normalised_score', 'real'],
      ['answer_evidence_ids', 'text'],
      ['evidence', 'text'],
      ['confidence', 'text'],
      ['submitted_at', 'text'],
      ['validated_at', 'text'],
      ['validated_by', 'text'],
      ['created_at', 'text'],
      ['updated_at', 'text'],
      ['version', 'integer'],
    ],
  },
  recommendations: {
    name: 'recommendations',
    columns: [
      ['id', 'text'],
      ['country_code', 'text'],
      ['issued_round_id', 'text'],
      ['text', 'text'],
      ['institutions', 'text'],
      ['area_codes', 'text'],
      ['indicator_codes', 'text'],
      ['priority', 'text'],
      ['source', 'text'],
      ['created_at', 'text'],
      ['updated_at', 'text'],
      ['version', 'integer'],
    ],
  },
  followUps: {
    name: 'follow_ups',
    columns: [
      ['id', 'text'],
      ['recommendation_id', 'text'],
      ['round_id', 'text'],
      ['status', 'text'],
      ['evidence', 'text'],
      ['updated_at', 'text'],
      ['version', 'integer'],
    ],
  },
} as const satisfies Record<string, BulkTable>
