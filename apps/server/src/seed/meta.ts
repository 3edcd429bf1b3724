import type { Database } from '../db/database.ts'
import type { Trx } from '../db/transaction.ts'

export async function getMeta(db: Database | Trx, key: string): Promise<string | null> {
  const row = await db.selectFrom('appMeta').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value ?? null
}

export async function setMeta(db: Database | Trx, key: string, value: string): Promise<void> {
  await db
    .insertInto('appMeta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/** True once the demo seed has run: the app then shows the demo banner and the demo logins. */
export async function isDemoInstallation(db: Database): Promise<boolean> {
  return (await getMeta(db, 'demo')) === 'true'
}
