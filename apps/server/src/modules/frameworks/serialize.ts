import type { FrameworkDoc } from '@thbm/shared'

/** The canonical JSON of a framework document: keys in schema order, two-space indent, final newline. */
export function serializeFrameworkDoc(doc: FrameworkDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`
}

/** A file name for an exported version, e.g. `BAN-2026.1.json`. */
export function exportFileName(doc: FrameworkDoc, extension: 'json' | 'xlsx'): string {
  return `${doc.framework.code}-${doc.version.label}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '_')
}
