import { inflateRawSync } from 'node:zlib'

/** Most bytes an upload may unpack to, over all its entries. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
const MAX_ENTRIES = 10_000
/** Most cells the workbook's defined names may cover: exceljs visits every cell of every named range. */
const MAX_NAMED_CELLS = 1_000_000

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export interface ZipEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  size: number
  localOffset: number
}

/**
 * Checks an XLSX upload before exceljs unpacks it: the zip's central directory must be readable, declare at most
 * MAX_UNZIPPED_BYTES in total, and every entry must really inflate to no more than it declares (so a zip bomb that
 * lies about its sizes is caught too). Returns a problem to report, or null when the file may be opened.
 */
export function checkXlsxZip(data: Buffer): string | null {
  const parts = unpackXlsx(data)
  return typeof parts === 'string' ? parts : null
}

/**
 * The zip guard's checks (checkXlsxZip), returning every entry's content (by name, in directory order) when they
 * pass, so that a reader need not inflate them again; or the problem to report.
 */
export function unpackXlsx(data: Buffer): Map<string, Buffer> | string {
  const entries = readCentralDirectory(data)
  if (typeof entries === 'string') return entries
  const total = entries.reduce((sum, e) => sum + e.size, 0)
  if (total > MAX_UNZIPPED_BYTES)
    return `The workbook would unpack to ${total} bytes; the limit is ${MAX_UNZIPPED_BYTES}`
  if (!entries.some((e) => e.name === 'xl/workbook.xml'))
    return 'The zip file is not an XLSX workbook (it has no xl/workbook.xml)'
  const parts = new Map<string, Buffer>()
  for (const entry of entries) {
    const content = inflateEntry(data, entry)
    if (typeof content === 'string') return content
    if (entry.name === 'xl/workbook.xml' && namedCells(content.toString('utf8')) > MAX_NAMED_CELLS) {
      return 'The workbook defines names over too many cells'
    }
    parts.set(entry.name, content)
  }
  return parts
}

/** The entries of a zip's central directory, or a problem when it cannot be read. */
export function readCentralDirectory(data: Buffer): ZipEntry[] | string {
  const end = findEndOfCentralDirectory(data)
  if (end < 0) return 'The file is not a readable zip (XLSX) file'
  const count = data.readUInt16LE(end + 10)
  const offset = data.readUInt32LE(end + 16)
  if (count === 0xffff || offset === 0xffffffff) return 'ZIP64 workbooks are not supported'
  if (count > MAX_ENTRIES) return `The workbook has ${count} parts; the limit is ${MAX_ENTRIES}`
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) return 'The zip directory is damaged'
    const nameLength = data.readUInt16LE(at + 28)
    entries.push({
      flags: data.readUInt16LE(at + 8),
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      localOffset: data.readUInt32LE(at + 42),
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
    })
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32)
  }
  return entries
}

/** The end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KiB. */
function findEndOfCentralDirectory(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === EOCD) return at
  }
  return -1
}

/** An entry's content, or a problem: encrypted, damaged, truncated, or larger than it declares (a zip bomb). */
export function inflateEntry(data: Buffer, entry: ZipEntry): Buffer | string {
  if (entry.flags & 1) return `${entry.name} is encrypted`
  const at = entry.localOffset
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL) return 'The zip file is damaged'
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28)
  const compressed = data.subarray(start, start + entry.compressedSize)
  if (compressed.length !== entry.compressedSize) return 'The zip file is truncated'
  if (entry.method === 0)
    return compressed.length === entry.size ? compressed : `${entry.name} is larger than it declares`
  if (entry.method !== 8) return `${entry.name} uses an unsupported compression method`
  try {
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.size) })
  } catch (err) {
    const tooLarge = err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
    return tooLarge ? `${entry.name} is larger than it declares` : `${entry.name} is damaged`
  }
}

/** Cells covered by the ranges (A1:B2) in defined names; whole rows or columns cost exceljs nothing. */
function namedCells(workbookXml: string): number {
  let cells = 0
  for (const [, body = ''] of workbookXml.matchAll(/<definedName\b[^>]*>([^<]*)<\/definedName>/g)) {
    for (const m of body.matchAll(/\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)/g)) {
      const [, c1 = 'A', r1 = '1', c2 = 'A', r2 = '1'] = m
      cells += (Math.abs(columnNumber(c2) - columnNumber(c1)) + 1) * (Math.abs(Number(r2) - Number(r1)) + 1)
    }
  }
  return cells
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
}
