import type { Config } from '../config.ts'
import { DirectoryFileStore } from './directory-store.ts'
import { S3FileStore } from './s3-store.ts'
import type { FileStore } from './store.ts'

export { assertKey, type FileStore, FileStoreError, isValidKey } from './store.ts'

/** The store the configuration names: the S3 bucket when FILES_S3_* are set, otherwise the folder FILES_DIR. */
export function createFileStore(config: Pick<Config, 'filesDir' | 'filesS3'>): FileStore {
  return config.filesS3 ? new S3FileStore(config.filesS3) : new DirectoryFileStore(config.filesDir)
}

/**
 * Runs fn (typically a database transaction that writes rows naming files) with a writer into the store. The files
 * are written before the transaction commits, so a committed row always has its file; when fn throws (the
 * transaction rolled back), every file it wrote is deleted again, so no file is left without its row. Only a crash
 * between the write and the commit can leave an unreferenced file, which nothing serves.
 */
export async function withFileWrites<T>(
  store: FileStore,
  fn: (files: Pick<FileStore, 'put'>) => Promise<T>,
): Promise<T> {
  const written: string[] = []
  try {
    return await fn({
      put: (key, body) => {
        written.push(key)
        return store.put(key, body)
      },
    })
  } catch (err) {
    await Promise.allSettled(written.map((key) => store.delete(key)))
    throw err
  }
}
