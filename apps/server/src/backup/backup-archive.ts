import fs from 'node:fs'
import { APP_VERSION } from '../config.ts'
import type { DatabaseHandle } from '../db/database.ts'
import type { FileStore } from '../files-store/file-store.ts'
import { evidenceKey } from '../modules/files/upload-file.ts'
import { type BackupFormat, backupDatabase } from './backup.ts'
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, FILES_PREFIX, MANIFEST_NAME, type Manifest } from './manifest.ts'
import { TarWriter } from './tar.ts'

export interface BackupSummary {
  /** Rows in the dump (null for SQLite's online backup, which copies pages). */
  rows: number | null
  files: number
  fileBytes: number
  missingFiles: string[]
  changedFiles: string[]
}

/**
 * Writes one backup archive (manifest.ts) of the database and of every file in the store, while the app runs. The
 * database is copied first; files are only ever added under new keys, and a row is committed only after its file is
 * stored, so every file a copied row names is in the store by then. Evidence rows whose file is missing or differs
 * from the recorded SHA-256 are listed in the manifest (and returned) rather than failing the backup. The archive
 * appears under its name only once complete (mode 0600: it holds password hashes).
 */
export async function backupInstallation(
  handle: DatabaseHandle,
  store: FileStore,
  outFile: string,
  format: BackupFormat,
): Promise<BackupSummary> {
  const partial = `${outFile}.partial`
  const databaseFile = `${outFile}.database.partial`
  for (const f of [partial, databaseFile]) fs.rmSync(f, { force: true })
  const tar = await TarWriter.create(partial)
  try {
    const { rows } = await backupDatabase(handle, databaseFile, format)
    const database = {
      path: format === 'sqlite' ? ('database.sqlite' as const) : ('database.dump.gz' as const),
      format,
      rows: rows >= 0 ? rows : null,
      size: fs.statSync(databaseFile).size,
      sha256: '',
    }
    database.sha256 = await tar.add(database.path, database.size, fs.createReadStream(databaseFile))
    fs.rmSync(databaseFile)

    const evidence = await handle.db.selectFrom('files').select(['id', 'sha256']).execute()
    const files: Manifest['files'] = []
    for await (const { key, size } of store.list()) {
      const body = await store.get(key)
      if (!body) continue
      const path = `${FILES_PREFIX}${key}`
      files.push({ path, key, size, sha256: await tar.add(path, size, body) })
    }
    const stored = new Map(files.map((f) => [f.key, f.sha256]))
    const missingFiles = evidence.filter((r) => !stored.has(evidenceKey(r.id))).map((r) => r.id)
    const changedFiles = evidence
      .filter((r) => stored.has(evidenceKey(r.id)) && stored.get(evidenceKey(r.id)) !== r.sha256)
      .map((r) => r.id)

    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: new Date().toISOString(),
      appVersion: APP_VERSION,
      engine: handle.engine,
      database,
      files,
      missingFiles,
      changedFiles,
    }
    const text = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`)
    await tar.add(MANIFEST_NAME, text.length, text)
    await tar.finish()
    fs.renameSync(partial, outFile)
    return {
      rows: database.rows,
      files: files.length,
      fileBytes: files.reduce((sum, f) => sum + f.size, 0),
      missingFiles,
      changedFiles,
    }
  } catch (err) {
    await tar.abort()
    for (const f of [partial, databaseFile, `${databaseFile}.partial`]) fs.rmSync(f, { force: true })
    throw err
  }
}
