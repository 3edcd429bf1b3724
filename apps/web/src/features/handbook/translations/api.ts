import { useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  SaveTranslationsBody,
  SaveTranslationsResult,
  TranslationImportResult,
  TranslationOverview,
} from '@thbm/shared'
import { ApiError, api, apiUrl, parseApiError } from '../../../api/client.ts'
import { handbookKeys } from '../api.ts'

/** The overview is kept under the Handbook's keys, so any Handbook write reloads it too. */
export const translationKeys = {
  overview: (versionId: string) => [...handbookKeys.all, 'translations', versionId] as const,
}

const path = (versionId: string) => `/framework-versions/${encodeURIComponent(versionId)}/translations`

/** Every text of a version by item, with row versions, missing counts and the locales the person may write. */
export function useTranslationOverview(versionId: string) {
  return useQuery({
    queryKey: translationKeys.overview(versionId),
    queryFn: ({ signal }) => api<{ data: TranslationOverview }>(path(versionId), { signal }).then((r) => r.data),
  })
}

/** Saves texts of one item; the answer (the item as stored, new counts) goes into the overview at once. */
export function useSaveItem(versionId: string) {
  const queryClient = useQueryClient()
  return async (itemKey: string, body: SaveTranslationsBody): Promise<void> => {
    const { data } = await api<{ data: SaveTranslationsResult }>(`${path(versionId)}/${encodeURIComponent(itemKey)}`, {
      method: 'PUT',
      body,
    })
    queryClient.setQueryData<TranslationOverview>(translationKeys.overview(versionId), (old) =>
      old ? { ...old, gaps: data.gaps, items: old.items.map((i) => (i.key === data.item.key ? data.item : i)) } : old,
    )
    // The version page's translation counts.
    void queryClient.invalidateQueries({ queryKey: handbookKeys.version(versionId) })
  }
}

/** The address of the translators' workbook for some locales, with instructions in the UI language. */
export const workbookUrl = (versionId: string, locales: readonly string[], lang: string) =>
  apiUrl(`${path(versionId)}.xlsx`, { locales: locales.join(','), lang })

/** Uploads a filled-in workbook (multipart, field `file`); rejects with an ApiError listing every problem. */
export async function uploadWorkbook(versionId: string, file: File): Promise<TranslationImportResult> {
  const form = new FormData()
  form.append('file', file)
  let response: Response
  try {
    response = await fetch(apiUrl(`${path(versionId)}.xlsx`), {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
  } catch {
    throw new ApiError('network', 0, 'The server could not be reached')
  }
  const text = await response.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (!response.ok) throw parseApiError(response.status, body)
  const data = (body as { data?: TranslationImportResult } | null)?.data
  if (!data) throw new ApiError('bad_response', response.status, 'No result in the answer')
  return data
}
