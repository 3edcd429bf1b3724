import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { assertKey, type FileStore, isValidKey } from './store.ts'

const isMissing = (err: unknown) => (err as { code?: string }).code === 'ENOENT'

/**
 * Files in a folder (FILES_DIR), one file per key at `<folder>/<key>` (`01/0190f3c2-…`: the layout of every earlier
 * version). A write goes to a hidden temporary file in the same folder, is flushed to the disk, then renamed over the
 * key: a reader never sees half a file, and a failed write (disk full) leaves nothing behind.
 */
export class DirectoryFileStore implements FileStore {
  readonly kind = 'directory' as const

  constructor(readonly root: string) {}

  get location(): string {
    return this.root
  }

  private pathOf(key: string): string {
    assertKey(key)
    return path.join(this.root, ...key.split('/'))
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    const target = this.pathOf(key)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
    try {
      if (Buffer.isBuffer(body)) fs.writeFileSync(temporary, body, { flag: 'wx' })
      else await pipeline(body, fs.createWriteStream(temporary, { flags: 'wx' }))
      const fd = fs.openSync(temporary, 'r')
      try {
        fs.fsyncSync(fd)
      } finally {
        fs.closeSync(fd)
      }
      fs.renameSync(temporary, target)
    } catch (err) {
      fs.rmSync(temporary, { force: true })
      throw err
    }
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const handle = await fs.promises.open(this.pathOf(key), 'r')
      return handle.createReadStream()
    } catch (err) {
      if (isMissing(err)) return null
      throw err
    }
  }

  async head(key: string): Promise<{ size: number } | null> {
    try {
      const stat = await fs.promises.stat(this.pathOf(key))
      return stat.isFile() ? { size: stat.size } : null
    } catch (err) {
      if (isMissing(err)) return null
      throw err
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true })
  }

  async *list(prefix = ''): AsyncIterable<{ key: string; size: number }> {
    yield* this.walk('', prefix)
  }

  /** Regular files under a sub-folder, sorted by name; hidden (temporary) files and foreign names are skipped. */
  private async *walk(dir: string, prefix: string): AsyncGenerator<{ key: string; size: number }> {
    let entries: fs.Dirent[]
    try {
      entries = await fs.promises.readdir(path.join(this.root, ...(dir ? dir.split('/') : [])), { withFileTypes: true })
    } catch (err) {
      if (isMissing(err) && dir === '') return
      throw err
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const key = dir ? `${dir}/${entry.name}` : entry.name
      if (!isValidKey(key)) continue
      if (entry.isDirectory()) {
        if (prefix.startsWith(`${key}/`) || key.startsWith(prefix) || `${key}/`.startsWith(prefix))
          yield* this.walk(key, prefix)
      } else if (entry.isFile() && key.startsWith(prefix)) {
        const stat = await fs.promises.stat(path.join(this.root, ...key.split('/')))
        yield { key, size: stat.size }
      }
    }
  }
}
