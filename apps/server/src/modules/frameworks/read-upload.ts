import { type FrameworkDoc, parseFrameworkJson } from '@thbm/shared'
import { validationFailed } from '../../errors.ts'
import { nulPath } from '../../http/input-hygiene.ts'

/** Largest framework file accepted for import. */
export const FRAMEWORK_UPLOAD_BYTES = 20 * 1024 * 1024

/** What an uploaded framework file turned out to be. */
export type UploadKind = 'json' | 'xlsx'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

/** Tells JSON from XLSX by content, never by the file name. */
export function detectUploadKind(data: Buffer): UploadKind {
  if (data.length === 0) throw validationFailed([{ path: 'file', message: 'The file is empty' }], 'The file is empty')
  if (ZIP_MAGIC.every((b, i) => data[i] === b)) return 'xlsx'
  const first = data
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (first.startsWith('{')) return 'json'
  throw validationFailed(
    [{ path: 'file', message: 'The file is neither JSON nor an XLSX workbook' }],
    'Unsupported file',
  )
}

/** Parses a JSON framework file; every problem comes back at once with its JSON path. */
export function readFrameworkJson(data: Buffer): FrameworkDoc {
  let json: unknown
  try {
    json = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''))
  } catch (err) {
    throw validationFailed(
      [{ path: '$', message: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` }],
      'The file is not valid JSON',
    )
  }
  const nul = nulPath(json, '$')
  if (nul) throw validationFailed([{ path: nul, message: 'Remove the NUL character (\\0): it cannot be stored' }])
  const result = parseFrameworkJson(json)
  if (result.doc === null)
    throw validationFailed(result.issues, `The file has ${result.issues.length} problem(s); nothing was imported`)
  return result.doc
}
