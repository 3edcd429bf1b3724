import { useQuery } from '@tanstack/react-query'
import type { Adaptation, FrameworkSummary, IndicatorWork, Progress, Round, VersionDetail } from '@thbm/shared'
import { ApiError, api } from '../../api/client.ts'

export const roundKeys = {
  all: ['rounds'] as const,
  list: ['rounds', 'list'] as const,
  one: (id: string) => ['rounds', 'one', id] as const,
  progress: (id: string, country: string) => ['rounds', 'progress', id, country] as const,
  work: (id: string, country: string, code: string) => ['rounds', 'work', id, country, code] as const,
  frameworks: ['rounds', 'frameworks'] as const,
  version: (id: string) => ['rounds', 'version', id] as const,
  extras: (versionId: string, country: string) => ['rounds', 'extras', versionId, country] as const,
}

const enc = encodeURIComponent

/** The API path of a round, or of something under it (`/countries/RS/progress`). */
export const roundPath = (roundId: string, sub = '') => `/rounds/${enc(roundId)}${sub}`

/** The API path of a country's indicator in a round (`/answers/{org}` and so on below it). */
export const indicatorPath = (roundId: string, country: string, code: string, sub = '') =>
  roundPath(roundId, `/countries/${enc(country)}/indicators/${enc(code)}${sub}`)

/** The rounds with a country the user sees, newest first. */
export function useRounds(enabled = true) {
  return useQuery({
    queryKey: roundKeys.list,
    queryFn: ({ signal }) => api<{ data: Round[] }>('/rounds', { signal }).then((r) => r.data),
    enabled,
  })
}

/** One round; 404 when the user sees none of its countries. */
export function useRound(roundId: string) {
  return useQuery({
    queryKey: roundKeys.one(roundId),
    queryFn: ({ signal }) => api<{ data: Round }>(roundPath(roundId), { signal }).then((r) => r.data),
  })
}

/** The progress board of one country in a round; 404 when the user may not see that country's work. */
export function useProgress(roundId: string, country: string) {
  return useQuery({
    queryKey: roundKeys.progress(roundId, country),
    queryFn: ({ signal }) =>
      api<{ data: Progress }>(roundPath(roundId, `/countries/${enc(country)}/progress`), { signal }).then(
        (r) => r.data,
      ),
  })
}

/** Everything about one indicator's answers in a country: sources, answers, previous values, abilities. */
export function useIndicatorWork(roundId: string, country: string, code: string) {
  return useQuery({
    queryKey: roundKeys.work(roundId, country, code),
    queryFn: ({ signal }) => api<{ data: IndicatorWork }>(indicatorPath(roundId, country, code), { signal }),
    select: (r) => r.data,
  })
}

/** Frameworks with their versions (to pick a published one for a new round). */
export function useFrameworks(enabled = true) {
  return useQuery({
    queryKey: roundKeys.frameworks,
    queryFn: ({ signal }) => api<{ data: FrameworkSummary[] }>('/frameworks', { signal }).then((r) => r.data),
    enabled,
    staleTime: 5 * 60_000,
  })
}

/** A framework version with its areas and indicators (published versions do not change). */
export function useFrameworkVersion(versionId: string | null) {
  return useQuery({
    queryKey: roundKeys.version(versionId ?? ''),
    queryFn: ({ signal }) =>
      api<{ data: VersionDetail }>(`/framework-versions/${enc(versionId ?? '')}`, { signal }).then((r) => r.data),
    enabled: Boolean(versionId),
    staleTime: 10 * 60_000,
  })
}

/** A country's own (national) indicators added to a version. */
export function useNationalIndicators(versionId: string | null, country: string, enabled: boolean) {
  return useQuery({
    queryKey: roundKeys.extras(versionId ?? '', country),
    queryFn: ({ signal }) =>
      api<{ data: Adaptation }>(`/framework-versions/${enc(versionId ?? '')}/adaptations/${enc(country)}`, {
        signal,
      }).then((r) => r.data.extraIndicators),
    enabled: Boolean(versionId) && enabled,
    staleTime: 10 * 60_000,
  })
}

/** A 404, or a malformed id or code the API rejected: the page shows "not found". */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'validation_failed'))
