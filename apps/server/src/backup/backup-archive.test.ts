import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { snapshotDatabase } from '../../test/db-state.ts'
import { asUser, buildOrganisation } from '../../test/factories.ts'
import { type FakeS3, startFakeS3 } from '../../test/fake-s3.ts'
import { multipart } from '../../test/reliability/multipart.ts'
import { createEmptyDatabase, createTestApp, type TestApp, type TestEngine, testEngine } from '../../test/test-app.ts'
import { loadConfig } from '../config.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { createFileStore, type FileStore } from '../files-store/file-store.ts'
import { seedDemo } from '../seed/demo.ts'
import { seedDefaultHandbook } from '../seed/handbook.ts'
import { backupDatabase } from './backup.ts'
import { backupInstallation } from './backup-archive.ts'
import { RestoreError } from './restore.ts'
import { restoreInstallation } from './restore-archive.ts'
import { readTarIndex } from './tar.ts'

/**
 * `thbm backup` / `thbm restore` as a whole: the database and every evidence file go into one archive, and come back
 * into an empty database and an empty file store exactly as they were — every row of every table, every file byte
 * for byte. A damaged archive is refused before anything changes.
 */

let t: TestApp
let source: FileStore
let dir: string
let s3: FakeS3

const PDF = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`)
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 0xab)])

beforeAll(async () => {
  t = await createTestApp()
  source = createFileStore(t.config)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-archive-'))
  s3 = await startFakeS3({ pageSize: 3 })
  await seedDefaultHandbook(t.db)
  await seedDemo(t.db)
  await buildOrganisation(t.db, { name: 'Qendra për mbrojtjen e viktimave — "Ђурђевдан"' })
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Të dhëna').addRow(['viktima', 12])
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
  const leadRs = await asUser(t.app, 'country_lead', 'RS')
  const leadAl = await asUser(t.app, 'country_lead', 'AL')
  const uploads = [
    { cookie: leadRs.cookie, country: 'RS', filename: 'Извештај о жртвама 2024.pdf', data: PDF('Извештај') },
    { cookie: leadRs.cookie, country: 'RS', filename: 'Ђурђевдан.png', data: PNG },
    { cookie: leadRs.cookie, country: 'RS', filename: 'Фотографија.jpg', data: JPEG },
    { cookie: leadAl.cookie, country: 'AL', filename: 'Raporti për viktimat – Shqipëri.pdf', data: PDF('Raporti') },
    { cookie: leadAl.cookie, country: 'AL', filename: 'çështje ë shënime.xlsx', data: xlsx },
  ]
  for (const u of uploads) {
    const { payload, headers } = multipart({ data: u.data, filename: u.filename }, { country: u.country })
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload,
      headers: { ...headers, cookie: u.cookie },
    })
    expect(res.statusCode, res.body).toBe(201)
  }
}, 120_000)
afterAll(async () => {
  await t.close()
  await s3.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Every file of a store, by key. */
async function contents(store: FileStore): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {}
  for await (const { key } of store.list()) {
    const body = await store.get(key)
    out[key] = body ? Buffer.concat(await body.toArray()) : Buffer.alloc(0)
  }
  return out
}

/** How many tables the database has: an untouched empty database has none. */
async function tableCount(handle: DatabaseHandle): Promise<number> {
  const q =
    handle.engine === 'sqlite'
      ? sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table'`
      : sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = current_schema()`
  return Number((await q.execute(handle.db)).rows[0]?.n)
}

const emptyFolderStore = () => createFileStore(loadConfig({ FILES_DIR: fs.mkdtempSync(path.join(dir, 'store-')) }))

/** Restores the archive into an empty database of the engine and the store, and compares everything with the source. */
async function expectRoundTrip(archive: string, target: FileStore, engine: TestEngine = testEngine()) {
  const restored = await createEmptyDatabase(engine)
  try {
    const summary = await restoreInstallation(restored.handle, target, archive)
    const sourceFiles = await contents(source)
    expect(Object.keys(sourceFiles)).toHaveLength(5)
    expect(summary).toMatchObject({ files: 5, databaseOnly: false, missingFiles: [] })
    const before = await snapshotDatabase(t.db)
    const after = await snapshotDatabase(restored.handle.db)
    const audit = after.audit_events as { action: string }[]
    expect(audit.at(-1)?.action).toBe('data.restored')
    expect({ ...after, audit_events: audit.slice(0, -1) }).toEqual(before)
    expect(before.files).toHaveLength(5)
    expect(await contents(target)).toEqual(sourceFiles)
  } finally {
    await restored.close()
  }
}

const formats = testEngine() === 'postgres' ? (['dump'] as const) : (['sqlite', 'dump'] as const)

describe('backup and restore of the database with the evidence files', () => {
  for (const format of formats)
    it(`gives back every row and every file from an archive with a ${format} database`, async () => {
      const archive = path.join(dir, `thbm-${format}.tar`)
      const summary = await backupInstallation(t.handle, source, archive, format)
      expect(summary).toMatchObject({ files: 5, missingFiles: [], changedFiles: [] })
      expect(fs.statSync(archive).mode & 0o777).toBe(0o600)
      await expectRoundTrip(archive, emptyFolderStore())
    })

  it('restores into an S3 file store, and the archive unpacks with tar into files that match the manifest', async () => {
    const archive = path.join(dir, 'thbm-to-s3.tar')
    await backupInstallation(t.handle, source, archive, 'dump')
    await expectRoundTrip(archive, createFileStore(loadConfig(s3.env)))
    expect(s3.log.every((l) => l.status < 400 || l.request.startsWith('HEAD'))).toBe(true)

    const unpacked = fs.mkdtempSync(path.join(dir, 'unpacked-'))
    execFileSync('tar', ['-xf', archive, '-C', unpacked])
    const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'manifest.json'), 'utf8'))
    expect(manifest.files).toHaveLength(5)
    const sourceFiles = await contents(source)
    for (const f of manifest.files)
      expect(fs.readFileSync(path.join(unpacked, f.path)).equals(sourceFiles[f.key]!)).toBe(true)
    expect(fs.existsSync(path.join(unpacked, 'database.dump.gz'))).toBe(true)
  })

  if (testEngine() === 'sqlite' && process.env.TEST_DATABASE_URL)
    it('restores an archive of a SQLite installation into PostgreSQL', async () => {
      const archive = path.join(dir, 'thbm-sqlite-to-pg.tar')
      await backupInstallation(t.handle, source, archive, 'sqlite')
      await expectRoundTrip(archive, emptyFolderStore(), 'postgres')
    })

  it('refuses an archive with one changed byte in a file, or cut short, and leaves database and store untouched', async () => {
    const good = path.join(dir, 'good.tar')
    await backupInstallation(t.handle, source, good, 'dump')
    const entry = (await readTarIndex(good)).find((e) => e.name.startsWith('files/'))!
    const changed = path.join(dir, 'changed.tar')
    const bytes = fs.readFileSync(good)
    bytes[entry.offset + 20] = (bytes[entry.offset + 20] as number) ^ 0x01
    fs.writeFileSync(changed, bytes)
    const truncated = path.join(dir, 'truncated.tar')
    fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, entry.offset + 100))

    const restored = await createEmptyDatabase()
    const target = emptyFolderStore()
    try {
      await expect(restoreInstallation(restored.handle, target, changed)).rejects.toThrow(
        new RestoreError(
          `The backup archive ${changed} is damaged: ${entry.name} does not match its checksum. Nothing was restored.`,
        ),
      )
      await expect(restoreInstallation(restored.handle, target, truncated)).rejects.toThrow(/damaged: .*truncated/)
      expect(await tableCount(restored.handle)).toBe(0)
      expect(await contents(target)).toEqual({})
    } finally {
      await restored.close()
    }
  })

  it('refuses a database that has data, and a store holding other content under a key, changing nothing', async () => {
    const archive = path.join(dir, 'refuse.tar')
    await backupInstallation(t.handle, source, archive, 'dump')
    const filesBefore = await contents(source)
    const before = await snapshotDatabase(t.db)
    await expect(restoreInstallation(t.handle, source, archive)).rejects.toThrow(/not empty/)
    expect(await snapshotDatabase(t.db)).toEqual(before)
    expect(await contents(source)).toEqual(filesBefore)

    const target = emptyFolderStore()
    const [key] = Object.keys(filesBefore)
    await target.put(key!, Buffer.from('other content'))
    const restored = await createEmptyDatabase()
    try {
      await expect(restoreInstallation(restored.handle, target, archive)).rejects.toThrow(/already holds 1 of/)
      expect(await tableCount(restored.handle)).toBe(0)
      expect(Object.keys(await contents(target))).toEqual([key])
    } finally {
      await restored.close()
    }
  })

  it('still restores a database-only backup of an earlier version, saying no files came with it', async () => {
    const old = path.join(dir, 'old.dump')
    await backupDatabase(t.handle, old, 'dump')
    const restored = await createEmptyDatabase()
    try {
      const summary = await restoreInstallation(restored.handle, emptyFolderStore(), old)
      expect(summary).toMatchObject({ databaseOnly: true, files: 0 })
      expect((await snapshotDatabase(restored.handle.db)).files).toHaveLength(5)
    } finally {
      await restored.close()
    }
  })
})
