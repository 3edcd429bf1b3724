import { readCentralDirectory } from '../frameworks/xlsx/zip-guard.ts'

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

const starts = (data: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => data[at + i] === b)

function zipType(data: Buffer): EvidenceMediaType | null {
  const entries = readCentralDirectory(data)
  if (typeof entries === 'string') return null
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

/** The evidence type of a file from its first bytes (and zip directory), or null for anything else (executables too). */
export function detectEvidenceType(data: Buffer): EvidenceMediaType | null {
  if (starts(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts(data, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (starts(data, [0x47, 0x49, 0x46, 0x38])) return 'image/gif'
  if (starts(data, [0x52, 0x49, 0x46, 0x46]) && starts(data, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  if (starts(data, [0x50, 0x4b, 0x03, 0x04])) return zipType(data)
  return null
}
