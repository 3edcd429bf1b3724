import type { Config } from '../config.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { seedDemo } from './demo.ts'
import { seedDefaultHandbook } from './handbook.ts'
import { getMeta, setMeta } from './meta.ts'
import { seedReferenceData } from './reference.ts'

/**
 * Prepares the database for serving: migrations, reference data, the default Handbook on first start, and on the
 * first start of an empty embedded database the demo data (DEMO=auto). PostgreSQL never gets demo data unless `thbm seed --demo` runs.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  config: Readonly<Config>,
): Promise<{ migrations: string[]; demoSeeded: boolean }> {
  const migrations = await migrateToLatest(handle)
  await seedReferenceData(handle.db)
  let demoSeeded = false
  const firstStart = (await getMeta(handle.db, 'initialized_at')) === null
  if (firstStart) {
    await seedDefaultHandbook(handle.db)
    const wantsDemo = config.demo !== false && handle.engine === 'sqlite'
    const users = await handle.db.selectFrom('users').select('id').limit(1).execute()
    if (wantsDemo && users.length === 0) demoSeeded = await seedDemo(handle.db)
    await setMeta(handle.db, 'initialized_at', new Date().toISOString())
  }
  return { migrations, demoSeeded }
}
