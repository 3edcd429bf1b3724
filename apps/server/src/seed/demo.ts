import type { Database } from '../db/database.ts'
import { withTransaction } from '../db/transaction.ts'
import { newId, nowIso } from '../ids.ts'
import { recordAudit } from '../modules/audit/record-audit.ts'
import { hashPassword } from '../modules/auth/passwords.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts'
import { seedDemoReview } from './demo-review.ts'
import { seedDemoRounds } from './demo-rounds.ts'
import { getMeta, setMeta } from './meta.ts'

/** Demo organisations: one government body and one NGO per country, all marked as demo data. */
const DEMO_ORGANISATIONS: { key: string; countryCode: string; name: string; type: string }[] = [
  ...['AL', 'BA', 'XK', 'ME', 'MK', 'RS'].flatMap((code) => [
    {
      key: `${code.toLowerCase()}-gov`,
      countryCode: code,
      name: `Office of the National Coordinator (demo, ${code})`,
      type: 'government',
    },
    { key: `${code.toLowerCase()}-ngo`, countryCode: code, name: `Victim Support NGO (demo, ${code})`, type: 'ngo' },
  ]),
  { key: 'rs-police', countryCode: 'RS', name: 'Police anti-trafficking unit (demo, RS)', type: 'government' },
  { key: 'rs-ombudsman', countryCode: 'RS', name: 'Ombudsman office (demo, RS)', type: 'ombudsman' },
]

/**
 * Seeds the demo installation: demo organisations, the demo accounts (password `Demo-Password-2026`) and, when a
 * Handbook version is published, demo monitoring rounds with answers (see demo-rounds.ts).
 * Runs once; returns false when the demo seed ran before.
 */
export async function seedDemo(db: Database): Promise<boolean> {
  if ((await getMeta(db, 'demo')) === 'true') return false
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await withTransaction(db, async (trx) => {
    const now = nowIso()
    const system = { actor: null, requestId: null }
    const orgIds = new Map<string, string>()
    for (const org of DEMO_ORGANISATIONS) {
      const id = newId()
      orgIds.set(org.key, id)
      await trx
        .insertInto('organisations')
        .values({
          id,
          name: org.name,
          type: org.type,
          countryCode: org.countryCode,
          active: 1,
          version: 1,
          createdAt: now,
          updatedAt: now,
        })
        .execute()
      await recordAudit(trx, system, {
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: id,
        countryCode: org.countryCode,
        after: org,
      })
    }
    const users = new Map<string, string>()
    for (const account of DEMO_ACCOUNTS) {
      const userId = newId()
      users.set(account.email, userId)
      await trx
        .insertInto('users')
        .values({
          id: userId,
          email: account.email,
          name: account.name,
          passwordHash,
          locale: null,
          active: 1,
          isDemo: 1,
          version: 1,
          createdAt: now,
          updatedAt: now,
          lastLoginAt: null,
        })
        .execute()
      const organisationId = account.organisation ? (orgIds.get(account.organisation) ?? null) : null
      await trx
        .insertInto('memberships')
        .values({
          id: newId(),
          userId,
          role: account.role,
          countryCode: account.countryCode,
          organisationId,
          createdAt: now,
        })
        .execute()
      await recordAudit(trx, system, {
        action: 'user.created',
        subjectType: 'user',
        subjectId: userId,
        countryCode: account.countryCode,
        after: { email: account.email, role: account.role, countryCode: account.countryCode, demo: true },
      })
    }
    const published = await trx
      .selectFrom('frameworkVersions')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('publishedAt', 'desc')
      .executeTakeFirst()
    if (published) {
      await seedDemoRounds(trx, { versionId: published.id, orgs: orgIds, users })
      await seedDemoReview(trx, { versionId: published.id, users, passwordHash })
    }
    await setMeta(trx, 'demo', 'true')
    await recordAudit(trx, system, {
      action: 'data.seeded',
      subjectType: 'installation',
      subjectId: 'demo',
      after: { accounts: DEMO_ACCOUNTS.length },
    })
  })
  return true
}
