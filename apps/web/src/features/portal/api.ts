import { useQuery } from '@tanstack/react-query'
import type { PublicReportView, PublicRound, ReportFormat } from '@thbm/shared'
import { ApiError, api, apiUrl } from '../../api/client.ts'

/**
 * The public portal's reads. Every call is anonymous: a 401 never sends the visitor to the sign-in page, and the
 * portal needs no session at all.
 */
async function getPublic<T>(path: string, signal: AbortSignal): Promise<T> {
  const body = await api<{ data: T }>(`/public${path}`, { signal, allowAnonymous: true })
  return body.data
}

export const portalKeys = {
  rounds: ['public', 'rounds'] as const,
  round: (id: string) => ['public', 'rounds', id] as const,
  publication: (id: string) => ['public', 'publications', id] as const,
  country: (code: string) => ['public', 'countries', code] as const,
}

/** Published rounds, newest first, each with every version of every publication. */
export function usePublicRounds() {
  return useQuery({
    queryKey: portalKeys.rounds,
    queryFn: ({ signal }) => getPublic<PublicRound[]>('/rounds', signal),
    staleTime: 60_000,
  })
}

/** One published round (404 when it is not published). */
export function usePublicRound(roundId: string) {
  return useQuery({
    queryKey: portalKeys.round(roundId),
    queryFn: ({ signal }) => getPublic<PublicRound>(`/rounds/${encodeURIComponent(roundId)}`, signal),
    staleTime: 60_000,
  })
}

/** What the public sees of one publication (disclosure control applied); disabled without an id. */
export function usePublication(id: string | null) {
  return useQuery({
    queryKey: portalKeys.publication(id ?? ''),
    queryFn: ({ signal }) => getPublic<PublicReportView>(`/publications/${encodeURIComponent(id ?? '')}`, signal),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  })
}

/** A country's latest national publication of each published round, oldest first (404 when none). */
export function usePublicCountry(code: string) {
  return useQuery({
    queryKey: portalKeys.country(code),
    queryFn: ({ signal }) => getPublic<PublicReportView[]>(`/countries/${encodeURIComponent(code)}`, signal),
    staleTime: 60_000,
  })
}

/** The address of a published report's document in a format and language. */
export function reportUrl(publicationId: string, format: ReportFormat, lang: string): string {
  return apiUrl(`/public/publications/${encodeURIComponent(publicationId)}/report`, { format, lang })
}

/** True when the API says there is nothing published at that address (404, or 400 for a malformed id or code). */
export function isNotPublished(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400)
}
