import { z } from 'zod'
import { isValidKey } from '../files-store/file-store.ts'

/**
 * A backup archive (decision 0012) is a tar file: the database (`database.sqlite`, SQLite's online backup, or
 * `database.dump.gz`, the logical dump), every stored file under `files/<key>`, and last `manifest.json`, which gives
 * the size and SHA-256 of every other entry. Restore checks every entry against it before it changes anything.
 */
export const ARCHIVE_FORMAT = 'thbm-backup'
export const ARCHIVE_VERSION = 1
export const MANIFEST_NAME = 'manifest.json'
export const FILES_PREFIX = 'files/'

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const Entry = z.object({ path: z.string().min(1), size: z.number().int().min(0), sha256: Sha256 })

const ManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  createdAt: z.string(),
  appVersion: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  database: Entry.extend({
    path: z.enum(['database.sqlite', 'database.dump.gz']),
    format: z.enum(['sqlite', 'dump']),
    rows: z.number().int().nullable(),
  }),
  files: z.array(
    Entry.extend({ key: z.string().refine(isValidKey) }).refine((f) => f.path === `${FILES_PREFIX}${f.key}`, {
      message: 'path must be files/<key>',
    }),
  ),
  /** Evidence files named by a database row that were not in the file store when the backup was taken (ids). */
  missingFiles: z.array(z.string()),
  /** Evidence files whose stored bytes did not match the SHA-256 their row records (ids). */
  changedFiles: z.array(z.string()),
})

export type Manifest = z.infer<typeof ManifestSchema>

/** The manifest, or null when the text is not one of a known version (the caller says why in its own words). */
export function parseManifest(text: string): { manifest: Manifest } | { problem: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { problem: 'manifest.json is not valid JSON' }
  }
  const format = (json as { format?: unknown; version?: unknown } | null) ?? {}
  if (format.format !== ARCHIVE_FORMAT || format.version !== ARCHIVE_VERSION)
    return { problem: `manifest.json is not a ${ARCHIVE_FORMAT} manifest of version ${ARCHIVE_VERSION}` }
  const parsed = ManifestSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { problem: `manifest.json is malformed at ${issue?.path.join('.')}: ${issue?.message}` }
  }
  return { manifest: parsed.data }
}
