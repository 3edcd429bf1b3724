import { CompiledQuery, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { recordAudit } from '../modules/audit/record-audit.ts'
import { type Database, openDatabase } from './database.ts'
import {
  bumpDataGeneration,
  currentGenerations,
  GENERATION_SHARDS,
  readDataGeneration,
  readGenerations,
} from './generation.ts'
import { withTransaction } from './transaction.ts'

let t: TestApp
/** A second connection, as another app instance would have (PostgreSQL: the pool has several). */
let other: Database
let closeOther = async () => {}
beforeAll(async () => {
  t = await createTestApp()
  if (t.config.database.kind === 'sqlite') {
    const handle = openDatabase(t.config.database)
    other = handle.db
    closeOther = () => handle.close()
  } else other = t.db
})
afterAll(async () => {
  await closeOther()
  await t.close()
})

const countOf = (generation: string) => Number(generation.split(':')[1])
const writeCountry = (db: Database, name: string) =>
  db.updateTable('countries').set({ names: name }).where('code', '=', 'RS').execute()

describe('the data generation', () => {
  it('has its rows, and counts each committed write transaction once', async () => {
    const rows = await t.db.selectFrom('dataGeneration').select(['id', 'epoch']).execute()
    expect(rows).toHaveLength(GENERATION_SHARDS)
    expect(new Set(rows.map((r) => r.epoch)).size).toBe(1)
    const before = await readDataGeneration(t.db)
    for (let i = 0; i < GENERATION_SHARDS + 3; i++)
      await withTransaction(t.db, (trx) => writeCountry(trx, `Serbia ${i}`))
    expect(countOf(await readDataGeneration(other))).toBe(countOf(before) + GENERATION_SHARDS + 3)
    await expect(
      withTransaction(t.db, async (trx) => {
        await writeCountry(trx, 'Never')
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(countOf(await readDataGeneration(other))).toBe(countOf(before) + GENERATION_SHARDS + 3)
  })

  it('changes exactly when the write becomes visible to another connection', async () => {
    const before = await readDataGeneration(other)
    let release = () => {}
    let bumped = () => {}
    const held = new Promise<void>((r) => {
      release = r
    })
    const inside = new Promise<void>((r) => {
      bumped = r
    })
    const writing = t.db.transaction().execute(async (trx) => {
      await writeCountry(trx, 'Serbia (uncommitted)')
      await bumpDataGeneration(trx)
      bumped()
      await held
    })
    await inside
    // Written and counted, not committed: another reader sees neither the data nor a new generation.
    expect(await readDataGeneration(other)).toBe(before)
    const country = await other.selectFrom('countries').select('names').where('code', '=', 'RS').executeTakeFirst()
    expect(country?.names).not.toBe('Serbia (uncommitted)')
    release()
    await writing
    expect(countOf(await readDataGeneration(other))).toBe(countOf(before) + 1)
  })

  it('lets concurrent write transactions commit without waiting for each other (PostgreSQL)', async () => {
    if (t.config.database.kind === 'sqlite') return // one connection: SQLite runs one write transaction at a time
    const before = await readDataGeneration(t.db)
    let release = () => {}
    let bumped = () => {}
    const held = new Promise<void>((r) => {
      release = r
    })
    const inside = new Promise<void>((r) => {
      bumped = r
    })
    const first = t.db.transaction().execute(async (trx) => {
      await bumpDataGeneration(trx)
      bumped()
      await held
    })
    await inside
    // The first transaction holds its counter row until it commits; the second must not queue behind it.
    const second = withTransaction(t.db, (trx) => writeCountry(trx, 'Serbia (second)'))
    const outcome = await Promise.race([
      second.then(() => 'committed'),
      new Promise((r) => setTimeout(() => r('waiting'), 5_000)),
    ])
    release()
    await Promise.all([first, second])
    expect(outcome).toBe('committed')
    expect(countOf(await readDataGeneration(t.db))).toBe(countOf(before) + 2)
  })

  it('moves only for writes, and the setup generation only for writes to anything but answer data', async () => {
    const changes = async (fn: Parameters<typeof withTransaction>[1]) => {
      const before = await readGenerations(other)
      await withTransaction(t.db, fn)
      const after = await readGenerations(other)
      return { data: after.data !== before.data, setup: after.setup !== before.setup }
    }
    const audit = (trx: Parameters<Parameters<typeof withTransaction>[1]>[0]) =>
      recordAudit(
        trx,
        { actor: null, requestId: 'generation-test' },
        {
          action: 'data.seeded',
          subjectType: 'installation',
          subjectId: 'test',
        },
      )
    // Reads only: nothing changed, every cache stays.
    expect(
      await changes(async (trx) => {
        await trx.selectFrom('countries').select('code').execute()
      }),
    ).toEqual({ data: false, setup: false })
    // Answer data only (here an audit row, and a read): data entry keeps the setup caches.
    expect(
      await changes(async (trx) => {
        await trx.selectFrom('countries').select('code').execute()
        await audit(trx)
      }),
    ).toEqual({ data: true, setup: false })
    expect(
      await changes(async (trx) => {
        await audit(trx)
        await writeCountry(trx, 'Serbia (setup)')
      }),
    ).toEqual({ data: true, setup: true })
    // SQL the tracker cannot read, and a query compiled elsewhere, count as a change of everything.
    expect(
      await changes(async (trx) => {
        await sql`update countries set names = names where code = 'RS'`.execute(trx)
      }),
    ).toEqual({ data: true, setup: true })
    expect(
      await changes(async (trx) => {
        await trx.executeQuery(CompiledQuery.raw("update countries set names = names where code = 'RS'"))
      }),
    ).toEqual({ data: true, setup: true })
  })

  it('is read for a request at once while a write transaction holds the app connection, seeing committed data only', async () => {
    const before = await currentGenerations(t.handle)
    let release = () => {}
    let bumped = () => {}
    const held = new Promise<void>((r) => {
      release = r
    })
    const inside = new Promise<void>((r) => {
      bumped = r
    })
    const writing = t.db.transaction().execute(async (trx) => {
      await writeCountry(trx, 'Serbia (while reading)')
      await bumpDataGeneration(trx)
      bumped()
      await held
    })
    await inside
    // SQLite has one app connection, held by the transaction: the read must neither wait for it nor see inside it.
    const during = await Promise.race([
      currentGenerations(t.handle),
      new Promise((r) => setTimeout(() => r('waiting'), 5_000)),
    ])
    release()
    await writing
    expect(during).toEqual(before)
    expect((await currentGenerations(t.handle)).data).not.toBe(before.data)
  })
})
