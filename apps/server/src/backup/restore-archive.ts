import { createHash, type Hash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { DatabaseHandle } from '../db/database.ts'
import { type FileStore, withFileWrites } from '../files-store/file-store.ts'
import { MANIFEST_NAME, type Manifest, parseManifest } from './manifest.ts'
import { type DatabaseSource, RestoreError, restoreDatabase } from './restore.ts'
import { entryStream, isTarFile, readTarIndex, type TarEntry, TarError } from './tar.ts'

export interface RestoreSummary {
  rows: number
  /** Files written to the store (files already there with the same content are not counted). */
  files: number
  /** A database-only backup (a SQLite file or a dump from before archives): no files were restored. */
  databaseOnly: boolean
  /** Evidence files the backup already lacked (manifest.ts). */
  missingFiles: string[]
}

async function* hashing(source: Readable, hash: Hash): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    hash.update(chunk as Buffer)
    yield chunk as Buffer
  }
}

async function sha256Of(source: Readable): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of source) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Reads the manifest and checks every entry's size and SHA-256 against it; changes nothing. */
export async function verifyArchive(file: string): Promise<{ manifest: Manifest; entries: Map<string, TarEntry> }> {
  const damaged = (why: string) =>
    new RestoreError(`The backup archive ${file} is damaged: ${why}. Nothing was restored.`)
  let index: TarEntry[]
  try {
    index = await readTarIndex(file)
  } catch (err) {
    if (err instanceof TarError) throw damaged(err.message)
    throw err
  }
  const entries = new Map(index.map((e) => [e.name, e]))
  const manifestEntry = entries.get(MANIFEST_NAME)
  if (!manifestEntry) throw damaged(`it has no ${MANIFEST_NAME}`)
  const text = Buffer.concat(await entryStream(file, manifestEntry).toArray()).toString('utf8')
  const parsed = parseManifest(text)
  if ('problem' in parsed) throw damaged(parsed.problem)
  const { manifest } = parsed
  const listed = [manifest.database, ...manifest.files]
  for (const item of listed) {
    const entry = entries.get(item.path)
    if (!entry) throw damaged(`${item.path} is missing`)
    if (entry.size !== item.size) throw damaged(`${item.path} has ${entry.size} bytes instead of ${item.size}`)
    if ((await sha256Of(entryStream(file, entry))) !== item.sha256)
      throw damaged(`${item.path} does not match its checksum`)
  }
  const known = new Set([MANIFEST_NAME, ...listed.map((i) => i.path)])
  const extra = index.find((e) => !known.has(e.name))
  if (extra) throw damaged(`${extra.name} is not in the manifest`)
  return { manifest, entries }
}

/** Keys of the archive's files the store already holds with the same bytes; any other content under a key refuses. */
async function alreadyStored(store: FileStore, manifest: Manifest): Promise<Set<string>> {
  const same = new Set<string>()
  const conflicts: string[] = []
  for (const f of manifest.files) {
    const head = await store.head(f.key)
    if (!head) continue
    const body = head.size === f.size ? await store.get(f.key) : null
    if (body && (await sha256Of(body)) === f.sha256) same.add(f.key)
    else conflicts.push(f.key)
  }
  if (conflicts.length)
    throw new RestoreError(
      `The file store ${store.location} already holds ${conflicts.length} of the backup's files with other content ` +
        `(${conflicts.slice(0, 3).join(', ')}${conflicts.length > 3 ? ', …' : ''}). Restore into an empty file store. ` +
        'Nothing was restored.',
    )
  return same
}

/**
 * Restores a backup into the configured database and file store. An archive is checked whole first (every checksum),
 * and the store for files that would be overwritten with other content: a damaged archive or a conflict is refused
 * before anything changes. Then the database is restored in one transaction (it must be empty), and the files are
 * written to the store inside that transaction, before it commits; when anything fails, the transaction rolls back
 * and the files written are deleted again. A plain database backup (SQLite file or dump) restores the database only.
 */
export async function restoreInstallation(
  target: DatabaseHandle,
  store: FileStore,
  file: string,
): Promise<RestoreSummary> {
  if (!fs.existsSync(file)) throw new RestoreError(`No such file: ${file}`)
  if (!isTarFile(file)) {
    const { rows } = await restoreDatabase(target, file)
    return { rows, files: 0, databaseOnly: true, missingFiles: [] }
  }
  const { manifest, entries } = await verifyArchive(file)
  const skip = await alreadyStored(store, manifest)
  const databaseEntry = entries.get(manifest.database.path) as TarEntry
  let unpacked: string | null = null
  try {
    let source: DatabaseSource
    if (manifest.database.format === 'sqlite') {
      // SQLite opens files only: the database is unpacked next to the system's temporary files (TMPDIR).
      unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-restore-'))
      const copy = path.join(unpacked, 'database.sqlite')
      await pipeline(entryStream(file, databaseEntry), fs.createWriteStream(copy))
      source = { file: copy }
    } else {
      source = { file, start: databaseEntry.offset, end: databaseEntry.offset + databaseEntry.size - 1 }
    }
    let written = 0
    const { rows } = await withFileWrites(store, (files) =>
      restoreDatabase(target, source, {
        beforeCommit: async () => {
          for (const f of manifest.files) {
            if (skip.has(f.key)) continue
            const hash = createHash('sha256')
            await files.put(f.key, Readable.from(hashing(entryStream(file, entries.get(f.path) as TarEntry), hash)))
            if (hash.digest('hex') !== f.sha256)
              throw new RestoreError(`${f.path} changed in the archive during the restore. Nothing was restored.`)
            written++
          }
          return { files: manifest.files.length }
        },
      }),
    )
    return { rows, files: written, databaseOnly: false, missingFiles: manifest.missingFiles }
  } finally {
    if (unpacked) fs.rmSync(unpacked, { recursive: true, force: true })
  }
}
