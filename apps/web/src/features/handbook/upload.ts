import type { VersionDetail } from '@thbm/shared'
import { ApiError, parseApiError } from '../../api/client.ts'

/** Largest file the server accepts for import (it answers 413 above it). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024
export const IMPORT_EXTENSIONS = ['.json', '.xlsx'] as const

/** Whether the file name ends in a supported extension (the server tells the formats apart by content). */
export const hasImportExtension = (name: string): boolean =>
  IMPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))

/** Reads the server's answer to an import: the new draft, or an ApiError with every problem listed. */
export function parseUploadResponse(status: number, text: string): VersionDetail {
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (status >= 200 && status < 300) {
    const data = (body as { data?: VersionDetail } | null)?.data
    if (data) return data
    throw new ApiError('bad_response', status, 'No version in the answer')
  }
  const error = parseApiError(status, body)
  // A proxy in front of the server may answer 413 with a page of its own; it still means "too large".
  if (status === 413 && error.code === 'bad_response') throw new ApiError('payload_too_large', 413, 'Too large')
  throw error
}

/**
 * Uploads a framework file (multipart, field `file`) with XMLHttpRequest, which reports upload progress as a
 * fraction from 0 to 1 (null while the size is unknown). Resolves with the new draft.
 */
export function uploadFramework(
  file: File,
  onProgress: (fraction: number | null) => void,
  signal?: AbortSignal,
): Promise<VersionDetail> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/frameworks/import')
    xhr.withCredentials = true
    xhr.setRequestHeader('accept', 'application/json')
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable && e.total > 0 ? e.loaded / e.total : null)
    xhr.onload = () => {
      try {
        resolve(parseUploadResponse(xhr.status, xhr.responseText))
      } catch (error) {
        reject(error)
      }
    }
    xhr.onerror = () => reject(new ApiError('network', 0, 'The server could not be reached'))
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    const form = new FormData()
    form.append('file', file)
    xhr.send(form)
  })
}
