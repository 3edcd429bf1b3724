import { useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  FollowUpBody,
  Implementation,
  Recommendation,
  RecommendationInput,
  Round,
  UpdateRecommendationBody,
} from '@thbm/shared'
import { api } from '../../api/client.ts'
import { roundKeys, roundPath } from '../rounds/api.ts'

const enc = encodeURIComponent

export const recommendationKeys = {
  all: ['recommendations'] as const,
  country: (code: string) => ['recommendations', 'country', code] as const,
  list: (code: string, issuedIn: string | null) => ['recommendations', 'country', code, 'list', issuedIn] as const,
  implementation: (code: string) => ['recommendations', 'country', code, 'implementation'] as const,
  followUps: (roundId: string, country: string) => ['recommendations', 'follow-ups', roundId, country] as const,
  one: (id: string) => ['recommendations', 'one', id] as const,
}

/** A country's recommendations (all, or those issued in one round), oldest first, each with its whole history. */
export function useCountryRecommendations(code: string, issuedIn: string | null = null) {
  return useQuery({
    queryKey: recommendationKeys.list(code, issuedIn),
    queryFn: ({ signal }) =>
      api<{ data: Recommendation[] }>(`/countries/${enc(code)}/recommendations`, {
        signal,
        query: { issuedIn },
      }).then((r) => r.data),
  })
}

/** Implementation rates of a country's recommendations per round and per priority. */
export function useImplementation(code: string) {
  return useQuery({
    queryKey: recommendationKeys.implementation(code),
    queryFn: ({ signal }) =>
      api<{ data: Implementation }>(`/countries/${enc(code)}/implementation`, { signal }).then((r) => r.data),
  })
}

/** The earlier recommendations a round must follow up for a country (not closed before it). */
export function useFollowUps(roundId: string, country: string) {
  return useQuery({
    queryKey: recommendationKeys.followUps(roundId, country),
    queryFn: ({ signal }) =>
      api<{ data: Recommendation[] }>(`/rounds/${enc(roundId)}/countries/${enc(country)}/follow-ups`, {
        signal,
      }).then((r) => r.data),
  })
}

/** One recommendation with its whole history. */
export function useRecommendation(id: string) {
  return useQuery({
    queryKey: recommendationKeys.one(id),
    queryFn: ({ signal }) =>
      api<{ data: Recommendation }>(`/recommendations/${enc(id)}`, { signal }).then((r) => r.data),
  })
}

export const createRecommendation = (roundId: string, country: string, body: RecommendationInput) =>
  api<{ data: Recommendation }>(`/rounds/${enc(roundId)}/countries/${enc(country)}/recommendations`, {
    method: 'POST',
    body,
  }).then((r) => r.data)

export const updateRecommendation = (id: string, body: UpdateRecommendationBody) =>
  api<{ data: Recommendation }>(`/recommendations/${enc(id)}`, { method: 'PATCH', body }).then((r) => r.data)

export const saveFollowUp = (id: string, roundId: string, body: FollowUpBody) =>
  api<{ data: Recommendation }>(`/recommendations/${enc(id)}/follow-ups/${enc(roundId)}`, {
    method: 'PUT',
    body,
  }).then((r) => r.data)

export const fetchRecommendation = (id: string) =>
  api<{ data: Recommendation }>(`/recommendations/${enc(id)}`).then((r) => r.data)

/**
 * After a write: the recommendation the server returned goes into its own cache entry and into the round's follow-up
 * list; the country's lists and rates are loaded again.
 */
export function useStoreRecommendation() {
  const queryClient = useQueryClient()
  return (rec: Recommendation, roundId?: string) => {
    queryClient.setQueryData(recommendationKeys.one(rec.id), rec)
    if (roundId)
      queryClient.setQueryData<Recommendation[]>(recommendationKeys.followUps(roundId, rec.countryCode), (old) =>
        old?.map((r) => (r.id === rec.id ? rec : r)),
      )
    void queryClient.invalidateQueries({ queryKey: recommendationKeys.country(rec.countryCode) })
  }
}

/** The round that issued a recommendation (its status says whether the recommendation may still be edited). */
export function useIssuingRound(roundId: string | null) {
  return useQuery({
    queryKey: roundKeys.one(roundId ?? ''),
    queryFn: ({ signal }) => api<{ data: Round }>(roundPath(roundId ?? ''), { signal }).then((r) => r.data),
    enabled: Boolean(roundId),
  })
}
