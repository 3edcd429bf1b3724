import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { snapshotDatabase } from '../../test/db-state.ts'
import { asUser, buildOrganisation } from '../../test/factories.ts'
import { createEmptyDatabase, createTestApp, type TestApp } from '../../test/test-app.ts'
import { seedDemo } from '../seed/demo.ts'
import { seedDefaultHandbook } from '../seed/handbook.ts'
import { backupDatabase } from './backup.ts'
import { RestoreError, restoreDatabase } from './restore.ts'

let t: TestApp
let dir: string

beforeAll(async () => {
  t = await createTestApp()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-backup-'))
  await seedDefaultHandbook(t.db)
  await seedDemo(t.db)
  await buildOrganisation(t.db, { name: 'Centar za zaštitu žrtava — "Ђурђевдан" 🌸' })
  const admin = await asUser(t.app, 'admin')
  await t.app.inject({
    method: 'POST',
    url: '/api/invitations',
    headers: { cookie: admin.cookie },
    payload: { email: 'new@example.test', role: 'expert', countryCode: 'AL' },
  })
})
afterAll(async () => {
  await t.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Everything in the restored database equals the source, plus exactly one audit row for the restore. */
async function expectSameData(restored: Awaited<ReturnType<typeof createEmptyDatabase>>) {
  const source = await snapshotDatabase(t.db)
  const target = await snapshotDatabase(restored.handle.db)
  const targetAudit = target.audit_events as { action: string }[]
  expect(targetAudit.at(-1)?.action).toBe('data.restored')
  expect({ ...target, audit_events: targetAudit.slice(0, -1) }).toEqual(source)
}

// SQLite's online backup exists only on SQLite; the logical dump works on both engines.
const formats = process.env.TEST_DB === 'postgres' ? (['dump'] as const) : (['sqlite', 'dump'] as const)

describe('backup and restore', () => {
  for (const format of formats) {
    it(`gives back the same data from a ${format} backup`, async () => {
      const file = path.join(dir, `backup.${format}`)
      await backupDatabase(t.handle, file, format)
      const restored = await createEmptyDatabase()
      try {
        await restoreDatabase(restored.handle, file)
        await expectSameData(restored)
      } finally {
        await restored.close()
      }
    })
  }

  it('refuses to restore into a database that has data, and changes nothing', async () => {
    const file = path.join(dir, 'refuse.dump')
    await backupDatabase(t.handle, file, 'dump')
    const before = await snapshotDatabase(t.db)
    await expect(restoreDatabase(t.handle, file)).rejects.toThrow(RestoreError)
    expect(await snapshotDatabase(t.db)).toEqual(before)
  })

  it('refuses a file that is not a backup, and a corrupt dump, writing nothing', async () => {
    const notBackup = path.join(dir, 'note.txt')
    fs.writeFileSync(notBackup, 'hello')
    const restored = await createEmptyDatabase()
    try {
      await expect(restoreDatabase(restored.handle, notBackup)).rejects.toThrow(/neither/)
      const good = path.join(dir, 'good.dump')
      await backupDatabase(t.handle, good, 'dump')
      const truncated = path.join(dir, 'truncated.dump')
      fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, 2000))
      await expect(restoreDatabase(restored.handle, truncated)).rejects.toThrow()
      // Nothing written: the restore stopped before migrating (no tables at all), or every table is empty. Which one
      // depends on where the truncated dump breaks off.
      const counts = await snapshotDatabase(restored.handle.db).then(
        (tables) => Object.values(tables).map((rows) => rows.length),
        (err: Error) => {
          if (/does not exist|no such table/.test(err.message)) return [0]
          throw err
        },
      )
      expect(counts.every((n) => n === 0)).toBe(true)
    } finally {
      await restored.close()
    }
  })
})
