import { inflateEntry, MAX_UNZIPPED_BYTES, readCentralDirectory } from '../frameworks/xlsx/zip-guard.ts'

/** Media types accepted as evidence, recognised from the content (never from the file name). */
export const EVIDENCE_TYPES = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
} as const
export type EvidenceMediaType = keyof typeof EVIDENCE_TYPES

/** The file name's extension (lower case), when it has one: `.pdf`, `.jpeg`, … */
const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase() ?? null

/** Whether the name's extension (if any) names the type found in the content: `scan.jpeg` for a JPEG, not `x.pdf`. */
export function nameMatchesType(name: string, type: EvidenceMediaType): boolean {
  const extension = extensionOf(name)
  return extension === null || extension === EVIDENCE_TYPES[type] || (extension === 'jpeg' && type === 'image/jpeg')
}

const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const starts = (data: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b)

function zipType(data: Buffer): EvidenceMediaType | null {
  const entries = readCentralDirectory(data)
  if (typeof entries === 'string') return null
  // A zip bomb (declared or hidden) is no document: every part must unpack, within the limit, to what it declares.
  if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNZIPPED_BYTES) return null
  if (entries.some((e) => typeof inflateEntry(data, e) === 'string')) return null
  const names = new Set(entries.map((e) => e.name))
  // ODF puts an uncompressed `mimetype` entry first; its content follows the 30-byte local header and the name.
  if (names.has('mimetype') && data.toString('latin1', 38, 38 + 39) === 'application/vnd.oasis.opendocument.text') {
    return 'application/vnd.oasis.opendocument.text'
  }
  if (names.has('[Content_Types].xml') && names.has('word/document.xml'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  if (names.has('[Content_Types].xml') && names.has('xl/workbook.xml'))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  return null
}

/**
 * The evidence type of a file from its first bytes (and zip directory), or null for anything else: executables, zip
 * bombs, PDF-and-zip polyglots.
 */
export function detectEvidenceType(data: Buffer): EvidenceMediaType | null {
  // A PDF that is also a zip (a polyglot: zip readers look for the directory's end record at the end, whatever
  // comes first) is refused: it would open as something else elsewhere.
  if (starts(data, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return data.subarray(-(22 + 0xffff)).includes(ZIP_END) ? null : 'application/pdf'
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts(data, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts(data, [0x47, 0x49, 0x46, 0x38])) return 'image/gif'
  if (starts(data, [0x52, 0x49, 0x46, 0x46]) && starts(data, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  if (starts(data, [0x50, 0x4b, 0x03, 0x04])) return zipType(data)
  return null
}
