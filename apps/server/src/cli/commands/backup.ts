import fs from 'node:fs'
import path from 'node:path'
import { type BackupFormat, backupDatabase } from '../../backup/backup.ts'
import { restoreDatabase } from '../../backup/restore.ts'
import { type Command, requireString, UsageError } from '../command.ts'
import { withDatabase } from '../context.ts'

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Back up the whole database to a file (SQLite online backup, or a logical dump)',
  usage: [
    'thbm backup --out FILE [--format sqlite|dump]',
    '  --format  sqlite (default on SQLite): a consistent copy taken while the app runs',
    '            dump (default on PostgreSQL): gzipped JSON lines that either database can restore',
  ],
  options: { out: { type: 'string' }, format: { type: 'string' } },
  async run(values) {
    const out = path.resolve(requireString(values, 'out'))
    if (!fs.existsSync(path.dirname(out))) throw new UsageError(`The folder ${path.dirname(out)} does not exist`)
    await withDatabase(
      async (handle) => {
        const format = (values.format ?? (handle.engine === 'sqlite' ? 'sqlite' : 'dump')) as BackupFormat
        if (format !== 'sqlite' && format !== 'dump') throw new UsageError('--format must be sqlite or dump')
        if (format === 'sqlite' && handle.engine !== 'sqlite')
          throw new UsageError('--format sqlite needs a SQLite database; use --format dump')
        const { rows } = await backupDatabase(handle, out, format)
        console.log(`Backup written to ${out} (${format}${rows >= 0 ? `, ${rows} rows` : ''}).`)
      },
      { prepare: false },
    )
  },
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup (SQLite file or dump) into the configured database, which must be empty',
  usage: ['thbm restore --file FILE'],
  options: { file: { type: 'string' } },
  async run(values) {
    const file = path.resolve(requireString(values, 'file'))
    await withDatabase(
      async (handle) => {
        const { rows } = await restoreDatabase(handle, file)
        console.log(`Restored ${rows} rows from ${file}.`)
      },
      { prepare: false },
    )
  },
}
