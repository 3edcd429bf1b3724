import { ApiError, parseApiError } from '../../api/client.ts'

/** An uploaded evidence file as the API describes it. */
export interface UploadedFile {
  id: string
  name: string
  size: number
  mediaType: string
}

/** The largest evidence file the server accepts. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024

/** File types the server accepts (it checks the content, not the name; this only guides the file picker). */
export const EVIDENCE_ACCEPT = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  '.pdf',
  '.docx',
  '.xlsx',
  '.odt',
].join(',')

/**
 * Uploads an evidence file for a country as multipart/form-data (the `country` field first, as the server reads it
 * before the file), reporting progress from 0 to 1. Rejects with an ApiError.
 */
export function uploadEvidence(
  country: string,
  file: File,
  onProgress: (share: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const form = new FormData()
    form.append('country', country)
    form.append('file', file, file.name)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/files')
    xhr.setRequestHeader('accept', 'application/json')
    xhr.withCredentials = true
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total)
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null
      } catch {
        body = null
      }
      if (xhr.status === 201 && body && typeof body === 'object' && 'data' in body) {
        onProgress(1)
        resolve((body as { data: UploadedFile }).data)
      } else reject(parseApiError(xhr.status, body))
    }
    xhr.onerror = () => reject(new ApiError('network', 0, 'The server could not be reached'))
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(form)
  })
}

/** A size in words-friendly units (KB, MB), in the locale's number format. */
export function formatSize(bytes: number, locale: string): string {
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  if (bytes < 1024) return `${fmt.format(bytes)} B`
  if (bytes < 1024 * 1024) return `${fmt.format(bytes / 1024)} KB`
  return `${fmt.format(bytes / 1024 / 1024)} MB`
}
