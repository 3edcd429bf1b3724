import type { RequestContext } from '../actor.ts'
import { loadConfig } from '../config.ts'
import { type DatabaseHandle, openDatabase } from '../db/database.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { seedDefaultHandbook } from '../seed/handbook.ts'
import { seedReferenceData } from '../seed/reference.ts'

/** Audit context of CLI writes: no signed-in actor; the request id names the command. */
export const cliContext = (command: string): RequestContext => ({ actor: null, requestId: `cli:${command}` })

/** Opens the configured database (DATABASE_URL), brings it up to date unless told not to, runs fn, closes it. */
export async function withDatabase<T>(
  fn: (handle: DatabaseHandle, config: ReturnType<typeof loadConfig>) => Promise<T>,
  options: { prepare?: boolean } = {},
): Promise<T> {
  const config = loadConfig()
  const handle = openDatabase(config.database)
  try {
    if (options.prepare !== false) {
      await migrateToLatest(handle)
      await seedReferenceData(handle.db)
      await seedDefaultHandbook(handle.db)
    }
    return await fn(handle, config)
  } finally {
    await handle.close()
  }
}
