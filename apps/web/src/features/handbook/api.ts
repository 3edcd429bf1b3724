import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { Adaptation, FrameworkSummary, LineageStepSchema, VersionDetail, VersionDiff } from '@thbm/shared'
import type { z } from 'zod'
import { ApiError, api } from '../../api/client.ts'

export const handbookKeys = {
  all: ['handbook'] as const,
  frameworks: ['handbook', 'frameworks'] as const,
  version: (id: string) => ['handbook', 'version', id] as const,
  diff: (id: string, against: string | null) => ['handbook', 'diff', id, against] as const,
  history: (id: string, code: string) => ['handbook', 'history', id, code] as const,
  adaptation: (id: string, country: string) => ['handbook', 'adaptation', id, country] as const,
}

/** One version of an indicator in its history. */
export type LineageStep = z.infer<typeof LineageStepSchema>

const path = (versionId: string) => `/framework-versions/${encodeURIComponent(versionId)}`

/** Every framework with its versions (newest last, as the API lists them). */
export function useFrameworks() {
  return useQuery({
    queryKey: handbookKeys.frameworks,
    queryFn: ({ signal }) => api<{ data: FrameworkSummary[] }>('/frameworks', { signal }).then((r) => r.data),
  })
}

/** One version, whole: areas, indicators, retired codes, translation counts and the actor's abilities. */
export function useVersion(versionId: string) {
  return useQuery({
    queryKey: handbookKeys.version(versionId),
    queryFn: ({ signal }) => api<{ data: VersionDetail }>(path(versionId), { signal }).then((r) => r.data),
  })
}

/** The diff of a version against another one (by default the version it was based on). */
export function useDiff(versionId: string, against: string | null, enabled = true) {
  return useQuery({
    queryKey: handbookKeys.diff(versionId, against),
    queryFn: ({ signal }) =>
      api<{ data: VersionDiff }>(`${path(versionId)}/diff`, { signal, query: { against } }).then((r) => r.data),
    enabled,
  })
}

/** The lineage of an indicator: generation 0 is itself, 1 the codes it continues in the previous version, … */
export function useHistory(versionId: string, code: string) {
  return useQuery({
    queryKey: handbookKeys.history(versionId, code),
    queryFn: ({ signal }) =>
      api<{ data: { steps: LineageStep[][] } }>(`${path(versionId)}/indicators/${encodeURIComponent(code)}/history`, {
        signal,
      }).then((r) => r.data.steps),
  })
}

/** A country's adaptation of a published version (version 0: none saved yet). */
export function useAdaptation(versionId: string, country: string) {
  return useQuery({
    queryKey: handbookKeys.adaptation(versionId, country),
    queryFn: ({ signal }) =>
      api<{ data: Adaptation }>(`${path(versionId)}/adaptations/${encodeURIComponent(country)}`, { signal }).then(
        (r) => r.data,
      ),
  })
}

/** Calls a version's sub-path (`''`, `/publish`, `/indicators/IDN-1`, …) with JSON. */
export function versionApi<T = unknown>(
  versionId: string,
  sub: string,
  options: Parameters<typeof api>[1] = {},
): Promise<T> {
  return api<T>(`${path(versionId)}${sub}`, options)
}

/** After any Handbook write: the version, its lists and diffs load again. */
export function useRefreshHandbook() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: handbookKeys.all })
}

/**
 * After a write that answered with the whole version: show that answer at once, and reload the rest of the
 * Handbook (lists, diffs, histories) in the background.
 */
export function useApplyVersion() {
  const queryClient = useQueryClient()
  return (detail: VersionDetail) => {
    queryClient.setQueryData(handbookKeys.version(detail.id), detail)
    void queryClient.invalidateQueries({
      queryKey: handbookKeys.all,
      predicate: (q) => !(q.queryKey[1] === 'version' && q.queryKey[2] === detail.id),
    })
  }
}

/** A stale optimistic-lock version (409 conflict without field issues), as opposed to a frozen version. */
export const isStaleVersion = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'conflict' && error.isVersionConflict

/** A 404, or a malformed id the API rejected: the page shows "not found". */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'validation_failed'))

/** The export address of a version in a format (the browser downloads it: Content-Disposition). */
export const exportUrl = (versionId: string, format: 'json' | 'xlsx') =>
  `/api${path(versionId)}/export?format=${format}`
