import { QueryClient, useQuery } from '@tanstack/react-query'
import type { Country, MeResponse, PublicConfig } from '@thbm/shared'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../api/client.ts'
import { countryName, sortByName } from '../components/names.ts'

/** One client for the app: no retries on 4xx answers (they will not change), one retry on other failures. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 1,
      },
      mutations: { retry: false },
    },
  })
}

export const queryKeys = {
  me: ['me'] as const,
  config: ['config'] as const,
  countries: ['countries'] as const,
}

/** The signed-in user and their global abilities; `null` when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await api<MeResponse>('/auth/me', { signal, allowAnonymous: true })
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
    staleTime: 60_000,
  })
}

/** Public configuration: demo mode, demo accounts, default locale. */
export function usePublicConfig() {
  return useQuery({
    queryKey: queryKeys.config,
    queryFn: ({ signal }) => api<PublicConfig>('/config', { signal, allowAnonymous: true }),
    staleTime: 5 * 60_000,
  })
}

/** The countries the user may see, with their names per locale, in alphabetical order of the UI language's names. */
export function useCountries(enabled = true) {
  const locale = useTranslation().i18n.language
  const select = useCallback((data: Country[]) => sortByName(data, (c) => countryName(c, locale), locale), [locale])
  return useQuery({
    queryKey: queryKeys.countries,
    queryFn: ({ signal }) => api<{ data: Country[] }>('/countries', { signal }).then((r) => r.data),
    select,
    enabled,
    staleTime: 5 * 60_000,
  })
}
