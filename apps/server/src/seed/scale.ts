import { RoundOptionsSchema } from '@thbm/shared'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../db/database.ts'
import { bumpDataGeneration } from '../db/generation.ts'
import { toJson } from '../db/portable.ts'
import { withTransaction } from '../db/transaction.ts'
import { newId, nowIso } from '../ids.ts'
import { recordAudit } from '../modules/audit/record-audit.ts'
import { hashPassword } from '../modules/auth/passwords.ts'
import { loadVersion } from '../modules/frameworks/frameworks.queries.ts'
import { importFrameworkDoc } from '../modules/frameworks/import-framework.ts'
import { publishVersion } from '../modules/frameworks/publish-version.ts'
import { getMeta, setMeta } from './meta.ts'
import { type BulkRow, type BulkWriter, T, withBulkWriter } from './scale-bulk.ts'
import { SCALE_FRAMEWORK_CODE, scaleFrameworkDoc } from './scale-framework.ts'
import { openRound, pastRound, recommendations } from './scale-rows.ts'
import { idSequence, prng, scaleIndicators } from './scale-values.ts'

/** The account the benchmark signs in with (an admin of a synthetic installation, never of a real one). */
export const SCALE_ADMIN_EMAIL = 'bench.admin@example.org'
export const SCALE_ADMIN_PASSWORD = 'Bench-Lantern-Quartz-2026'

const REAL_COUNTRIES = ['AL', 'BA', 'XK', 'ME', 'MK', 'RS']

export interface ScaleOptions {
  countries: number
  rounds?: number
  /** Indicators of the generated framework, a multiple of 10 (10 areas); default 300. */
  indicators?: number
  log?: (line: string) => void
}

export interface ScaleSummary {
  countries: string[]
  rounds: { id: string; year: number; status: string }[]
  openRoundId: string
  versionId: string
  rows: Record<string, number>
  seconds: number
}

/** N country codes: the six real ones first, then unused two-letter codes (synthetic countries). */
function countryCodes(n: number): string[] {
  const codes = REAL_COUNTRIES.slice(0, n)
  for (let a = 25; a >= 0 && codes.length < n; a--)
    for (let b = 0; b < 26 && codes.length < n; b++) {
      const code = String.fromCharCode(65 + a, 65 + b)
      if (!codes.includes(code) && !REAL_COUNTRIES.includes(code)) codes.push(code)
    }
  return codes
}

/**
 * A synthetic installation for benchmarks (`thbm seed --scale N`): N countries × `rounds` published yearly rounds
 * (default 20) × a generated 300-indicator framework, with two source answers per indicator and their breakdown
 * cells, validated assessments, recommendations and their follow-up, and one open round in collection with
 * assignments. Rows go in through the raw driver (bulk inserts), not Kysely. Runs once per database.
 */
export async function seedScale(handle: DatabaseHandle, options: ScaleOptions): Promise<ScaleSummary | null> {
  const started = Date.now()
  const log = options.log ?? (() => {})
  const { db } = handle
  if ((await getMeta(db, 'scale')) !== null) return null
  if (await db.selectFrom('frameworks').select('id').where('code', '=', SCALE_FRAMEWORK_CODE).executeTakeFirst())
    throw new Error(`A ${SCALE_FRAMEWORK_CODE} framework exists already; seed a new, empty database`)
  if (handle.sqlite) handle.sqlite.pragma('cache_size = -262144')
  const roundCount = options.rounds ?? 20
  const system = { actor: null, requestId: 'seed:scale' }
  const versionId = await withTransaction(db, async (trx) => {
    const id = await importFrameworkDoc(
      trx,
      system,
      scaleFrameworkDoc(10, Math.round((options.indicators ?? 300) / 10)),
    )
    await publishVersion(trx, system, id, 1)
    return id
  })
  const indicators = scaleIndicators((await loadVersion(db, versionId)).indicators)
  const codes = countryCodes(options.countries)
  const existing = new Set((await db.selectFrom('countries').select('code').execute()).map((c) => c.code))
  const passwordHash = await hashPassword(SCALE_ADMIN_PASSWORD)
  const rows: Record<string, number> = {}
  const nextId = idSequence(newId())
  const now = nowIso()
  const year = new Date().getUTCFullYear()
  const count = async (w: BulkWriter, table: (typeof T)[keyof typeof T], batch: BulkRow[]) => {
    await w.insert(table, batch)
    rows[table.name] = (rows[table.name] ?? 0) + batch.length
  }

  const orgs = new Map(codes.map((c) => [c, { gov: nextId(), ngo: nextId() }]))
  const rounds = Array.from({ length: roundCount + 1 }, (_, i) => {
    const y = year - roundCount + i
    return { id: nextId(), year: y, status: i < roundCount ? 'published' : 'collecting' }
  })
  const open = rounds.at(-1) as (typeof rounds)[number]
  const adminId = nextId()
  const options_ = toJson(RoundOptionsSchema.parse({}))

  await withTransaction(db, async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id: adminId,
        email: SCALE_ADMIN_EMAIL,
        name: 'Bench Admin (synthetic)',
        passwordHash,
        locale: null,
        active: 1,
        isDemo: 0,
        version: 1,
        createdAt: now,
        updatedAt: now,
        lastLoginAt: null,
      })
      .execute()
    await trx
      .insertInto('memberships')
      .values({ id: newId(), userId: adminId, role: 'admin', countryCode: null, organisationId: null, createdAt: now })
      .execute()
  })
  await withBulkWriter(handle, async (w) => {
    const names = (c: string) =>
      toJson({ en: `Benchland ${c}`, 'sr-Cyrl': `Бенчленд ${c}`, 'sr-Latn': `Benčlend ${c}` })
    const added = codes.filter((c) => !existing.has(c))
    await count(
      w,
      T.countries,
      added.map((c, i) => [c, names(c), 100 + i, 1, now, now]),
    )
    await count(
      w,
      T.organisations,
      codes.flatMap((c) => {
        const o = orgs.get(c) as { gov: string; ngo: string }
        return [
          [o.gov, `Bench ministry (${c})`, 'government', c, 1, 1, now, now],
          [o.ngo, `Bench NGO (${c})`, 'ngo', c, 1, 1, now, now],
        ]
      }),
    )
    await count(
      w,
      T.rounds,
      rounds.map((r) => [
        r.id,
        `Bench round ${r.year}`,
        `${r.year}-01-01`,
        `${r.year}-12-31`,
        versionId,
        toJson({}),
        r.status,
        `${r.year + 1}-03-31`,
        options_,
        now,
        now,
        r.status === 'published' ? 4 : 2,
      ]),
    )
    await count(
      w,
      T.roundCountries,
      rounds.flatMap((r) => codes.map((c) => [r.id, c])),
    )
  })
  log(`Framework, ${codes.length} countries, ${rounds.length} rounds and the bench admin written.`)

  for (const [ri, round] of rounds.entries()) {
    await withBulkWriter(handle, async (w) => {
      for (const [ci, country] of codes.entries()) {
        await count(
          w,
          T.roundIndicators,
          indicators.map((ind, p) => [round.id, country, ind.doc.code, ind.doc.area, p, 'core']),
        )
        const org = orgs.get(country) as { gov: string; ngo: string }
        const rnd = prng(ci * 1000 + ri + 1)
        if (round === open) await openRound(w, count, round, country, org, indicators, rnd, nextId, now)
        else await pastRound(w, count, round, ri / roundCount, country, org, indicators, rnd, nextId, adminId)
      }
    })
    log(`Round ${round.year} (${round.status}) written.`)
  }

  await withBulkWriter(handle, async (w) => {
    for (const [ci, country] of codes.entries()) await recommendations(w, count, country, ci, rounds, nextId)
  })
  await withTransaction(db, async (trx) => {
    const summary = { countries: codes.length, rounds: rounds.length, indicators: indicators.length, rows }
    await setMeta(trx, 'scale', toJson(summary))
    await recordAudit(trx, system, {
      action: 'data.seeded',
      subjectType: 'installation',
      subjectId: 'scale',
      after: summary,
    })
    await bumpDataGeneration(trx)
  })
  if (handle.sqlite) handle.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  // Planner statistics after the bulk load, as autovacuum would gather them later: without them PostgreSQL
  // misjudges filters on the millions of new rows (a sequential scan of answer_cells instead of its key).
  else await sql`analyze`.execute(db)
  return {
    countries: codes,
    rounds: rounds.map(({ id, year: y, status }) => ({ id, year: y, status })),
    openRoundId: open.id,
    versionId,
    rows,
    seconds: (Date.now() - started) / 1000,
  }
}
