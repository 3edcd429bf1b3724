import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { Readable } from 'node:stream'

/**
 * A minimal POSIX tar (ustar) writer and reader for backup archives: regular files only, names up to 255 bytes,
 * sizes beyond 8 GiB in the GNU base-256 form. `tar -tvf` lists an archive and `tar -xf` unpacks it.
 */

const BLOCK = 512

export class TarError extends Error {}

const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, '0')}\0`

function header(name: string, size: number, mtime: Date): Buffer {
  const block = Buffer.alloc(BLOCK)
  let prefix = ''
  let base = name
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', name.length - 1)
    prefix = name.slice(0, cut)
    base = name.slice(cut + 1)
    if (cut < 0 || Buffer.byteLength(base) > 100 || Buffer.byteLength(prefix) > 155)
      throw new TarError(`The name ${name} is too long for the archive`)
  }
  block.write(base, 0, 100, 'utf8')
  block.write(octal(0o600, 8), 100, 'latin1')
  block.write(octal(0, 8), 108, 'latin1')
  block.write(octal(0, 8), 116, 'latin1')
  if (size < 8 ** 11) block.write(octal(size, 12), 124, 'latin1')
  else {
    // GNU base-256: the first byte's high bit set, the size big-endian in the remaining 11 bytes.
    let rest = BigInt(size)
    for (let i = 135; i > 124; i--, rest >>= 8n) block[i] = Number(rest & 0xffn)
    block[124] = 0x80
  }
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'latin1')
  block.write('0', 156, 'latin1')
  block.write('ustar\u000000', 257, 'latin1')
  block.write(prefix, 345, 155, 'utf8')
  block.fill(0x20, 148, 156)
  const sum = block.reduce((a, b) => a + b, 0)
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return block
}

/** Writes an archive entry by entry; each entry's SHA-256 is computed on the bytes written. */
export class TarWriter {
  private constructor(private readonly file: fs.promises.FileHandle) {}

  static async create(path: string): Promise<TarWriter> {
    return new TarWriter(await fs.promises.open(path, 'wx', 0o600))
  }

  /** Adds a regular file of exactly `size` bytes; returns the SHA-256 (hex) of its content. */
  async add(name: string, size: number, body: Buffer | Readable, mtime = new Date()): Promise<string> {
    await this.file.write(header(name, size, mtime))
    const hash = createHash('sha256')
    let written = 0
    try {
      for await (const chunk of Buffer.isBuffer(body) ? [body] : body) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)
        written += bytes.length
        if (written > size) break
        hash.update(bytes)
        await this.file.write(bytes)
      }
    } finally {
      if (!Buffer.isBuffer(body)) body.destroy()
    }
    if (written !== size)
      throw new TarError(`${name} changed while it was read (expected ${size} bytes, got ${written} or more)`)
    const padding = (BLOCK - (size % BLOCK)) % BLOCK
    if (padding) await this.file.write(Buffer.alloc(padding))
    return hash.digest('hex')
  }

  /** Ends the archive (two zero blocks), flushes it to the disk and closes it. */
  async finish(): Promise<void> {
    await this.file.write(Buffer.alloc(2 * BLOCK))
    await this.file.sync()
    await this.file.close()
  }

  async abort(): Promise<void> {
    await this.file.close().catch(() => {})
  }
}

export interface TarEntry {
  name: string
  size: number
  /** Where the content starts in the archive file. */
  offset: number
}

function parseSize(block: Buffer): number {
  if (((block[124] as number) & 0x80) !== 0) {
    let size = 0n
    for (let i = 125; i < 136; i++) size = (size << 8n) | BigInt(block[i] as number)
    return Number(size)
  }
  const text = block
    .toString('latin1', 124, 136)
    .replace(/[\0 ]+$/, '')
    .trim()
  if (!/^[0-7]+$/.test(text)) throw new TarError('an entry has an unreadable size')
  return Number.parseInt(text, 8)
}

const field = (block: Buffer, start: number, length: number) => {
  const raw = block.subarray(start, start + length)
  const end = raw.indexOf(0)
  return raw.subarray(0, end < 0 ? length : end).toString('utf8')
}

/** Whether the file starts with a ustar header whose checksum is right. */
export function isTarFile(path: string): boolean {
  const fd = fs.openSync(path, 'r')
  try {
    const block = Buffer.alloc(BLOCK)
    if (fs.readSync(fd, block, 0, BLOCK, 0) < BLOCK) return false
    return block.toString('latin1', 257, 262) === 'ustar' && checksumOk(block)
  } finally {
    fs.closeSync(fd)
  }
}

function checksumOk(block: Buffer): boolean {
  const stored = Number.parseInt(block.toString('latin1', 148, 156).replace(/[\0 ]/g, ''), 8)
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] as number)
  return stored === sum
}

/**
 * Lists the regular files of an archive (folders are skipped; `./` in front of a name is dropped). Throws a TarError
 * for a damaged header, a truncated archive, a duplicate name or an entry type a backup never holds.
 */
export async function readTarIndex(path: string): Promise<TarEntry[]> {
  const file = await fs.promises.open(path, 'r')
  try {
    const { size: total } = await file.stat()
    const entries: TarEntry[] = []
    const seen = new Set<string>()
    const block = Buffer.alloc(BLOCK)
    for (let at = 0; ; ) {
      const { bytesRead } = await file.read(block, 0, BLOCK, at)
      if (bytesRead < BLOCK) throw new TarError('the archive is truncated (it has no end)')
      if (block.every((b) => b === 0)) return entries
      if (!checksumOk(block)) throw new TarError(`the entry header at byte ${at} is damaged`)
      const prefix = field(block, 345, 155)
      const name = (prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100)).replace(/^(\.\/)+/, '')
      const size = parseSize(block)
      const type = String.fromCharCode(block[156] as number)
      const offset = at + BLOCK
      if (offset + size > total) throw new TarError(`the archive is truncated (in ${name})`)
      at = offset + Math.ceil(size / BLOCK) * BLOCK
      if (type === '5') continue
      if (type !== '0' && type !== '\0') throw new TarError(`${name} is not a regular file (tar type ${type})`)
      if (seen.has(name)) throw new TarError(`${name} is in the archive twice`)
      seen.add(name)
      entries.push({ name, size, offset })
    }
  } finally {
    await file.close()
  }
}

/** The content of one entry. */
export function entryStream(path: string, entry: TarEntry): Readable {
  if (entry.size === 0) return Readable.from([])
  return fs.createReadStream(path, { start: entry.offset, end: entry.offset + entry.size - 1 })
}
