import { constants, inflateRawSync } from 'node:zlib'
import type { Issue } from '@thbm/shared'
import { readCentralDirectory, type ZipEntry } from '../frameworks/xlsx/zip-guard.ts'

/** Compressed bytes read from the start of a sheet part: `<dimension>` comes before any cell. */
const SHEET_PREFIX_BYTES = 4096
/** Most bytes inflated from workbook.xml or its relationships (both are small in any real workbook). */
const SMALL_PART_BYTES = 1024 * 1024

/**
 * Refuses, before anything parses cells, every worksheet whose declared dimension (`<dimension ref="A1:I100000"/>`)
 * spans more than maxRows rows. Only the first few KB of each sheet are inflated, so this is cheap and safe even on
 * a zip bomb; a file that is not a readable zip is left to the zip guard. A sheet without a dimension (or one that
 * lies) is still caught while exceljs parses it (loadWorkbook counts rows).
 */
export function oversizedSheets(data: Buffer, maxRows: number): Issue[] {
  const entries = readCentralDirectory(data)
  if (typeof entries === 'string') return []
  const names = sheetNames(data, entries)
  const issues: Issue[] = []
  for (const entry of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue
    const head = inflate(data, entry, SHEET_PREFIX_BYTES)?.toString('utf8') ?? ''
    const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]+)"/.exec(head)?.[1]
    const last = ref ? Number(/(\d+)$/.exec(ref)?.[1] ?? 0) : 0
    if (last > maxRows) {
      const name = names.get(entry.name) ?? entry.name
      issues.push({ path: name, message: `Sheet "${name}" spans ${last} rows (${ref}); the limit is ${maxRows}` })
    }
  }
  return issues
}

/** Sheet part → sheet name, from xl/workbook.xml and its relationships. */
function sheetNames(data: Buffer, entries: ZipEntry[]): Map<string, string> {
  const read = (name: string) => {
    const entry = entries.find((e) => e.name === name)
    return entry ? (inflate(data, entry, Number.POSITIVE_INFINITY, SMALL_PART_BYTES)?.toString('utf8') ?? '') : ''
  }
  const targets = new Map<string, string>()
  for (const [tag] of read('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(tag)?.[1]
    const target = /\bTarget="([^"]+)"/.exec(tag)?.[1]
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`)
  }
  const out = new Map<string, string>()
  for (const [tag] of read('xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(tag)?.[1]
    const id = /\br:id="([^"]+)"/.exec(tag)?.[1]
    const part = id ? targets.get(id) : undefined
    if (name && part)
      out.set(
        part,
        name
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<'),
      )
  }
  return out
}

/**
 * Up to `input` compressed bytes of an entry, inflated to at most `output` bytes (a partial stream is fine: a sync
 * flush returns what the prefix holds). null when the entry cannot be read; the zip guard reports why.
 */
function inflate(data: Buffer, entry: ZipEntry, input: number, output = 1024 * 1024): Buffer | null {
  const at = entry.localOffset
  if (at + 30 > data.length) return null
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28)
  const compressed = data.subarray(start, start + Math.min(entry.compressedSize, input))
  if (entry.method === 0) return compressed.subarray(0, output)
  if (entry.method !== 8 || entry.flags & 1) return null
  try {
    return inflateRawSync(compressed, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: output })
  } catch {
    return null
  }
}
