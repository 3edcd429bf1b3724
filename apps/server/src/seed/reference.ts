import { cyrillicToLatin } from '@thbm/shared'
import type { Database } from '../db/database.ts'
import { toJson } from '../db/portable.ts'
import { withTransaction } from '../db/transaction.ts'
import { nowIso } from '../ids.ts'
import { recordAudit } from '../modules/audit/record-audit.ts'

const COUNTRIES: { code: string; en: string; srCyrl: string }[] = [
  { code: 'AL', en: 'Albania', srCyrl: 'Албанија' },
  { code: 'BA', en: 'Bosnia and Herzegovina', srCyrl: 'Босна и Херцеговина' },
  { code: 'XK', en: 'Kosovo', srCyrl: 'Косово' },
  { code: 'ME', en: 'Montenegro', srCyrl: 'Црна Гора' },
  { code: 'MK', en: 'North Macedonia', srCyrl: 'Северна Македонија' },
  { code: 'RS', en: 'Serbia', srCyrl: 'Србија' },
]

/** Adds the seeded countries that are missing (idempotent); runs on every start after migrations. */
export async function seedReferenceData(db: Database): Promise<number> {
  const existing = new Set((await db.selectFrom('countries').select('code').execute()).map((r) => r.code))
  const missing = COUNTRIES.filter((c) => !existing.has(c.code))
  if (missing.length === 0) return 0
  await withTransaction(db, async (trx) => {
    const now = nowIso()
    for (const [i, c] of COUNTRIES.entries()) {
      if (existing.has(c.code)) continue
      const names = { en: c.en, 'sr-Cyrl': c.srCyrl, 'sr-Latn': cyrillicToLatin(c.srCyrl) }
      await trx
        .insertInto('countries')
        .values({ code: c.code, names: toJson(names), sortOrder: i, version: 1, createdAt: now, updatedAt: now })
        .execute()
      await recordAudit(
        trx,
        { actor: null, requestId: null },
        { action: 'country.created', subjectType: 'country', subjectId: c.code, countryCode: c.code, after: { names } },
      )
    }
  })
  return missing.length
}
