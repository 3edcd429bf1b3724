import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from './database.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-wal-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('WAL checkpoints in the background (SQLite)', () => {
  it('leave commits to the WAL and copy it into the database file from a worker, losing nothing', async () => {
    const file = path.join(dir, 'background.sqlite')
    const handle = openDatabase({ kind: 'sqlite', file }, { backgroundCheckpoints: true })
    const sqlite = handle.sqlite as NonNullable<typeof handle.sqlite>
    // The app's connection never checkpoints by itself.
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    await sql`create table t (id integer primary key, body text not null)`.execute(handle.db)
    const sizeBefore = fs.statSync(file).size
    for (let i = 0; i < 200; i++)
      await handle.db.transaction().execute(async (trx) => {
        await sql`insert into t (body) values (${'x'.repeat(4000)})`.execute(trx)
      })
    // Nobody on the app's connection copied the WAL back: the worker does, within a few rounds.
    let size = fs.statSync(file).size
    for (let waited = 0; size < sizeBefore + 200 * 4000 && waited < 10_000; waited += 50) {
      await sleep(50)
      size = fs.statSync(file).size
    }
    expect(size).toBeGreaterThanOrEqual(sizeBefore + 200 * 4000)
    await handle.close()

    const reopened = openDatabase({ kind: 'sqlite', file })
    const { count } = (await sql<{ count: number }>`select count(*) as count from t`.execute(reopened.db)).rows[0] ?? {
      count: 0,
    }
    expect(count).toBe(200)
    expect(reopened.sqlite?.pragma('integrity_check', { simple: true })).toBe('ok')
    await reopened.close()
  })

  it('are off unless asked for: the connection checkpoints by itself', async () => {
    const handle = openDatabase({ kind: 'sqlite', file: path.join(dir, 'default.sqlite') })
    expect(handle.sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    await handle.close()
  })
})
