import fs from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from '../config.ts'
import type { Database } from '../db/database.ts'
import { withTransaction } from '../db/transaction.ts'
import { importFrameworkDoc } from '../modules/frameworks/import-framework.ts'
import { publishVersion } from '../modules/frameworks/publish-version.ts'
import { readFrameworkJson } from '../modules/frameworks/read-upload.ts'

/** The default Handbook shipped with the tool, in the JSON import format. */
export const DEFAULT_HANDBOOK_FILE = path.join(REPO_ROOT, 'apps/server/seed-data/default-handbook.json')

/** Imports and publishes the default Handbook when the installation has no framework yet. */
export async function seedDefaultHandbook(db: Database): Promise<boolean> {
  const any = await db.selectFrom('frameworks').select('id').limit(1).executeTakeFirst()
  if (any) return false
  const doc = readFrameworkJson(fs.readFileSync(DEFAULT_HANDBOOK_FILE))
  await withTransaction(db, async (trx) => {
    const ctx = { actor: null, requestId: 'seed:handbook' }
    const id = await importFrameworkDoc(trx, ctx, doc)
    await publishVersion(trx, ctx, id, 1)
  })
  return true
}
