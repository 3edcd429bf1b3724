import { sql } from 'kysely'
import type { TestApp } from '../../test/test-app.ts'
import { type DatabaseHandle, openDatabase } from '../db/database.ts'
import type { JobDefinition } from './types.ts'

/** Test support for the job runner: a second "instance" on the same database, and handlers that record calls. */

/** A second connection (pool) to the test app's database, as another app instance would have. */
export async function secondInstance(t: TestApp): Promise<DatabaseHandle> {
  if (t.handle.engine === 'sqlite') return openDatabase(t.config.database)
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db)
  return openDatabase(t.config.database, { searchPath: rows[0]?.schema, poolSize: 4 })
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let seq = 0
/** A job kind no other test uses, so runners of different tests never take each other's jobs. */
export const uniqueKind = (name: string) => `test.${name}.${++seq}.${Date.now().toString(36)}`

/**
 * A handler that records every invocation and notices when one job runs twice at the same time. `fail(n, attempt)`
 * decides whether attempt n of a job throws.
 */
export function recorder(kind: string, options: { delayMs?: number; fail?: (attempt: number) => boolean } = {}) {
  const calls: { jobId: string; attempt: number; payload: unknown }[] = []
  const running = new Set<string>()
  let overlaps = 0
  const definition: JobDefinition = {
    kind,
    async run(payload, ctx) {
      calls.push({ jobId: ctx.jobId, attempt: ctx.attempt, payload })
      if (running.has(ctx.jobId)) overlaps++
      running.add(ctx.jobId)
      try {
        if (options.delayMs) await sleep(options.delayMs)
        if (options.fail?.(ctx.attempt)) throw new Error(`attempt ${ctx.attempt} failed`)
        return { ok: ctx.attempt }
      } finally {
        running.delete(ctx.jobId)
      }
    },
  }
  return { definition, calls, overlaps: () => overlaps }
}
