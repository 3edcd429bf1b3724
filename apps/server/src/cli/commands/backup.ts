import fs from 'node:fs'
import path from 'node:path'
import type { BackupFormat } from '../../backup/backup.ts'
import { backupInstallation } from '../../backup/backup-archive.ts'
import { restoreInstallation } from '../../backup/restore-archive.ts'
import { createFileStore } from '../../files-store/file-store.ts'
import { type Command, optionalString, UsageError } from '../command.ts'
import { withDatabase } from '../context.ts'

const warnAbout = (what: string, ids: string[]) => {
  if (ids.length) console.error(`Warning: ${ids.length} evidence file(s) ${what}: ${ids.join(', ')}`)
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Back up the database and every evidence file to one archive (a tar file)',
  usage: [
    'thbm backup --out FILE [--format sqlite|dump]   (or: thbm backup FILE)',
    '  FILE      the archive to write: the database, files/ (the file store) and manifest.json (SHA-256 of each)',
    '  --format  how the database is stored in it: sqlite (default on SQLite), a consistent copy taken while the app',
    '            runs; dump (default on PostgreSQL), gzipped JSON lines that either database can restore',
  ],
  options: { out: { type: 'string' }, format: { type: 'string' } },
  positional: 'out',
  async run(values) {
    const given = optionalString(values, 'out')
    if (!given) throw new UsageError('--out is required')
    const out = path.resolve(given)
    if (!fs.existsSync(path.dirname(out))) throw new UsageError(`The folder ${path.dirname(out)} does not exist`)
    await withDatabase(
      async (handle, config) => {
        const format = (values.format ?? (handle.engine === 'sqlite' ? 'sqlite' : 'dump')) as BackupFormat
        if (format !== 'sqlite' && format !== 'dump') throw new UsageError('--format must be sqlite or dump')
        if (format === 'sqlite' && handle.engine !== 'sqlite')
          throw new UsageError('--format sqlite needs a SQLite database; use --format dump')
        const store = createFileStore(config)
        const summary = await backupInstallation(handle, store, out, format)
        const rows = summary.rows === null ? '' : `, ${summary.rows} rows`
        console.log(
          `Backup written to ${out} (database: ${format}${rows}; ${summary.files} files, ${summary.fileBytes} bytes, from ${store.location}).`,
        )
        warnAbout('named in the database are missing from the file store', summary.missingFiles)
        warnAbout('in the file store differ from the checksum in the database', summary.changedFiles)
      },
      { prepare: false },
    )
  },
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup into the configured database, which must be empty, and file store',
  usage: [
    'thbm restore --file FILE   (or: thbm restore FILE)',
    '  FILE  an archive from thbm backup (database and files; every checksum is checked before anything changes),',
    '        or a database-only backup of an earlier version (a SQLite file or a dump)',
  ],
  options: { file: { type: 'string' } },
  positional: 'file',
  async run(values) {
    const given = optionalString(values, 'file')
    if (!given) throw new UsageError('--file is required')
    const file = path.resolve(given)
    await withDatabase(
      async (handle, config) => {
        const store = createFileStore(config)
        const summary = await restoreInstallation(handle, store, file)
        if (summary.databaseOnly)
          console.log(`Restored ${summary.rows} rows from ${file} (a database-only backup: no evidence files in it).`)
        else
          console.log(`Restored ${summary.rows} rows and ${summary.files} files from ${file} into ${store.location}.`)
        warnAbout('were already missing when the backup was taken', summary.missingFiles)
      },
      { prepare: false },
    )
  },
}
