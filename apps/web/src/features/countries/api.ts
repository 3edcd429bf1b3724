import { useQuery } from '@tanstack/react-query'
import type { Country, Organisation } from '@thbm/shared'
import { api } from '../../api/client.ts'

export const countryKeys = {
  one: (code: string) => ['countries', code] as const,
  organisations: (code: string, includeInactive: boolean) => ['organisations', code, includeInactive] as const,
}

/** One country; 404 when the user may not see it. */
export function useCountry(code: string) {
  return useQuery({
    queryKey: countryKeys.one(code),
    queryFn: ({ signal }) =>
      api<{ data: Country }>(`/countries/${encodeURIComponent(code)}`, { signal }).then((r) => r.data),
  })
}

/** A country's organisations, optionally with the deactivated ones. */
export function useOrganisations(code: string | null, includeInactive = false) {
  return useQuery({
    queryKey: countryKeys.organisations(code ?? '', includeInactive),
    queryFn: ({ signal }) =>
      api<{ data: Organisation[] }>('/organisations', {
        signal,
        query: { country: code, includeInactive: includeInactive ? 'true' : undefined },
      }).then((r) => r.data),
    enabled: Boolean(code),
  })
}
