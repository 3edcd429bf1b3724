import { useQuery } from '@tanstack/react-query'
import type { ImportBatch, Locale, Me, TemplateImportJob, TemplateImportResult } from '@thbm/shared'
import { ApiError, api, apiUrl, parseApiError } from '../../api/client.ts'
import { leadsCountry } from '../../app/permissions.ts'
import { roundPath } from './api.ts'

/** Query keys of a country's import batches (kept under `rounds`, so round-wide invalidation reaches them). */
export const templateKeys = {
  batches: (roundId: string, country: string) => ['rounds', 'imports', roundId, country] as const,
}

/** The file types the upload control offers (the server reads the content, not the name). */
export const TEMPLATE_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The API path of a country's templates and import batches in a round. */
export const countryPath = (roundId: string, country: string, sub: string) =>
  roundPath(roundId, `/countries/${encodeURIComponent(country)}${sub}`)

/**
 * Whether to offer templates in a country (mirrors the server's `template.use`): its lead (administrators lead
 * everywhere) and its data providers. Only hides controls; the server stays the gate.
 */
export const mayUseTemplates = (me: Me, country: string): boolean =>
  leadsCountry(me, country) || me.memberships.some((m) => m.role === 'data_provider' && m.countryCode === country)

/** Whether to offer the list of import batches (mirrors `importBatch.read`: the country lead and administrators). */
export const mayReadImports = (me: Me, country: string): boolean => leadsCountry(me, country)

/** An answer that changed after an import, as a refused revert lists it. */
export interface BlockingAnswer {
  answerId: string
  indicatorCode: string
  organisationId: string
}

/** The answers a refused revert (409) lists in `details.answers`, or none. */
export function blockingAnswers(error: unknown): BlockingAnswer[] {
  if (!(error instanceof ApiError) || error.status !== 409) return []
  const details = error.details as { answers?: unknown } | null | undefined
  if (!details || !Array.isArray(details.answers)) return []
  return details.answers.flatMap((raw: unknown): BlockingAnswer[] => {
    const a = raw as Partial<Record<keyof BlockingAnswer, unknown>> | null
    if (!a || typeof a.indicatorCode !== 'string') return []
    return [
      {
        answerId: typeof a.answerId === 'string' ? a.answerId : '',
        indicatorCode: a.indicatorCode,
        organisationId: typeof a.organisationId === 'string' ? a.organisationId : '',
      },
    ]
  })
}

/** A country's import batches in a round, newest first (country lead). */
export function useImportBatches(roundId: string, country: string, enabled = true) {
  return useQuery({
    queryKey: templateKeys.batches(roundId, country),
    queryFn: ({ signal }) =>
      api<{ data: ImportBatch[] }>(countryPath(roundId, country, '/import-batches'), { signal }).then((r) => r.data),
    enabled,
  })
}

/** Reads an error answer of a non-JSON call into an ApiError. */
async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  return parseApiError(response.status, body)
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', ...init })
  } catch {
    throw new ApiError('network', 0, 'The server could not be reached')
  }
}

/** The file name in a `content-disposition` header, or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="?([^";]+)"?/i)
  return match?.[1]?.trim() || fallback
}

/**
 * Downloads a country's template (one organisation, or all the user may answer for) in a language and hands it to
 * the browser as a file. Rejects with an ApiError (409 when the round is not collecting).
 */
export async function downloadTemplate(
  roundId: string,
  country: string,
  options: { organisation: string | null; lang: Locale },
): Promise<string> {
  const url = apiUrl(countryPath(roundId, country, '/template'), {
    organisation: options.organisation,
    lang: options.lang,
  })
  const response = await send(url, {
    headers: { accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json' },
  })
  if (!response.ok) throw await errorOf(response)
  const name = fileNameOf(response.headers.get('content-disposition'), `thbm-template-${country}.xlsx`)
  saveFile(await response.blob(), name)
  return name
}

/** Offers a blob as a download with a file name (a temporary link, clicked and removed). */
export function saveFile(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = name
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}

/** How often a background import is asked for its progress. */
const IMPORT_POLL_MS = 1000

/**
 * Uploads a filled template as multipart/form-data (one `file` field). Resolves with what was applied; rejects with
 * an ApiError listing every problem (400, nothing applied) or 409 when the round is not collecting. A large workbook
 * is imported in the background (202): its progress goes to `onProgress` every second until it ends the same way.
 */
export async function uploadTemplate(
  roundId: string,
  country: string,
  file: File,
  onProgress?: (job: TemplateImportJob) => void,
): Promise<TemplateImportResult> {
  const form = new FormData()
  form.append('file', file, file.name)
  const response = await send(apiUrl(countryPath(roundId, country, '/template')), {
    method: 'POST',
    headers: { accept: 'application/json' },
    body: form,
  })
  if (!response.ok) throw await errorOf(response)
  if (response.status !== 202) return ((await response.json()) as { data: TemplateImportResult }).data
  let job = ((await response.json()) as { data: TemplateImportJob }).data
  const path = countryPath(roundId, country, `/template/imports/${encodeURIComponent(job.jobId)}`)
  for (;;) {
    onProgress?.(job)
    if (job.result) return job.result
    await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS))
    job = (await api<{ data: TemplateImportJob }>(path)).data
  }
}

/** Reverts an import batch with a reason (country lead); 409 lists the answers that changed since. */
export function revertImportBatch(roundId: string, country: string, batchId: string, reason: string) {
  return api<{ data: ImportBatch }>(
    countryPath(roundId, country, `/import-batches/${encodeURIComponent(batchId)}/revert`),
    { method: 'POST', body: { reason } },
  ).then((r) => r.data)
}
