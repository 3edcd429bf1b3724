import type { Readable } from 'node:stream'

/**
 * Where stored files live (evidence today): a folder, or an S3-compatible bucket (decision 0012). Keys are relative
 * paths of safe segments (`01/0190f3c2-…`); the same key names the same file in either store, so a folder copied into
 * a bucket (or back) keeps working.
 */
export interface FileStore {
  readonly kind: 'directory' | 's3'
  /** The folder or the bucket, for messages. */
  readonly location: string
  /** Stores (or replaces) the object; when it fails, no partial object is left under the key. */
  put(key: string, body: Buffer | Readable): Promise<void>
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Readable | null>
  head(key: string): Promise<{ size: number } | null>
  /** Deletes the object; nothing happens when there is none. */
  delete(key: string): Promise<void>
  /** Every object whose key starts with prefix, in a stable order; names this app never writes are left out. */
  list(prefix?: string): AsyncIterable<{ key: string; size: number }>
}

/** The store cannot be reached or refused the request (S3); file-system errors keep their own codes (ENOSPC, …). */
export class FileStoreError extends Error {}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

/** Whether a key is one this app writes: 1–8 segments of letters, digits, `.`, `_`, `-`, not starting with a dot. */
export const isValidKey = (key: string) =>
  key.length <= 200 && key.split('/').length <= 8 && key.split('/').every((s) => SEGMENT.test(s))

export function assertKey(key: string): void {
  if (!isValidKey(key)) throw new FileStoreError(`Not a valid file key: ${JSON.stringify(key)}`)
}
