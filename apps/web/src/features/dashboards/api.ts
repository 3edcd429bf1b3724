import { useQuery } from '@tanstack/react-query'
import type { CountryProfile, IndicatorExplorer, RoundOverview } from '@thbm/shared'
import { ApiError, api } from '../../api/client.ts'

export const dashboardKeys = {
  profile: (code: string) => ['dashboards', 'profile', code] as const,
  overview: (roundId: string) => ['dashboards', 'overview', roundId] as const,
  explorer: (code: string, versionId: string | null) => ['dashboards', 'explorer', code, versionId] as const,
}

const enc = encodeURIComponent

/** A country's profile over every round it took part in; 404 when the user does not see the country. */
export function useCountryProfile(code: string) {
  return useQuery({
    queryKey: dashboardKeys.profile(code),
    queryFn: ({ signal }) =>
      api<{ data: CountryProfile }>(`/countries/${enc(code)}/profile`, { signal }).then((r) => r.data),
    enabled: Boolean(code),
  })
}

/** A round across the countries the user sees: area scores, completeness, lateness, implementation. */
export function useRoundOverview(roundId: string | null) {
  return useQuery({
    queryKey: dashboardKeys.overview(roundId ?? ''),
    queryFn: ({ signal }) =>
      api<{ data: RoundOverview }>(`/rounds/${enc(roundId ?? '')}/overview`, { signal }).then((r) => r.data),
    enabled: Boolean(roundId),
  })
}

/** One indicator across countries and rounds (the latest published version's code unless a version is given). */
export function useIndicatorExplorer(code: string | null, versionId: string | null) {
  return useQuery({
    queryKey: dashboardKeys.explorer(code ?? '', versionId),
    queryFn: ({ signal }) =>
      api<{ data: IndicatorExplorer }>('/indicators/explorer', { signal, query: { code, versionId } }).then(
        (r) => r.data,
      ),
    enabled: Boolean(code),
  })
}

/** A 404, or a code or id the API rejected as malformed: the page says "not found" rather than "error". */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'validation_failed'))
