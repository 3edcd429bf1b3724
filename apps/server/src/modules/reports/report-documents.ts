import type { ReportQuery } from '@thbm/shared'
import type { Database } from '../../db/database.ts'

type DocumentKey = Pick<ReportQuery, 'format' | 'lang' | 'disclosure'>

const keyOf = (q: DocumentKey) => `${q.format}|${q.lang}|${q.disclosure}`

/** The stored bytes of a publication's document (rendered by its report.render job), or null. */
export async function findStoredDocument(db: Database, publicationId: string, q: DocumentKey): Promise<Buffer | null> {
  const row = await db
    .selectFrom('reportDocuments')
    .select('content')
    .where('publicationId', '=', publicationId)
    .where('format', '=', q.format)
    .where('lang', '=', q.lang)
    .where('disclosure', '=', q.disclosure)
    .executeTakeFirst()
  return row ? Buffer.from(row.content) : null
}

/** Which documents of a publication are stored, as `format|lang|disclosure` keys. */
export async function storedDocumentKeys(db: Database, publicationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('reportDocuments')
    .select(['format', 'lang', 'disclosure'])
    .where('publicationId', '=', publicationId)
    .execute()
  return new Set(rows.map((r) => keyOf(r as DocumentKey)))
}

export const documentKey = keyOf

/** Stores a rendered document; a document already stored (by an earlier attempt) is kept as it is. */
export async function storeDocument(
  db: Database,
  publicationId: string,
  q: DocumentKey,
  body: Buffer | string,
): Promise<void> {
  await db
    .insertInto('reportDocuments')
    .values({
      publicationId,
      format: q.format,
      lang: q.lang,
      disclosure: q.disclosure,
      content: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
      createdAt: new Date().toISOString(),
    })
    .onConflict((oc) => oc.columns(['publicationId', 'format', 'lang', 'disclosure']).doNothing())
    .execute()
}
