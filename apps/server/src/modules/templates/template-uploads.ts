import type { Database } from '../../db/database.ts'
import type { Trx } from '../../db/transaction.ts'
import { nowIso } from '../../ids.ts'

/**
 * Where a large upload waits for its import job: a row of `template_uploads` (bytes in the database), written in the
 * transaction that queues the job, so every instance's worker can read it, also after a restart, and a rolled-back
 * request leaves nothing. These three functions are the only place that knows; the upload could move to the file
 * store (S3 or FILES_DIR) by changing them alone.
 */
export async function keepUpload(trx: Trx, id: string, data: Buffer): Promise<void> {
  await trx.insertInto('templateUploads').values({ id, content: data, createdAt: nowIso() }).execute()
}

/** The bytes of a kept upload, or null when it is gone (its job ended). */
export async function readUpload(db: Database | Trx, id: string): Promise<Buffer | null> {
  const row = await db.selectFrom('templateUploads').select('content').where('id', '=', id).executeTakeFirst()
  return row ? Buffer.from(row.content) : null
}

/** Forgets a kept upload (nothing happens when it is gone already). */
export async function dropUpload(db: Database | Trx, id: string): Promise<void> {
  await db.deleteFrom('templateUploads').where('id', '=', id).execute()
}
