import { useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AddParticipantBody,
  AnonymousRatings,
  CreateReviewBody,
  DecisionBody,
  DecisionsOverview,
  IndicatorEvidence,
  Locale,
  MyResponses,
  ReviewDetail,
  ReviewResults,
  ReviewSummary,
  SaveResponseBody,
} from '@thbm/shared'
import { ApiError, api, apiUrl } from '../../api/client.ts'

const enc = encodeURIComponent

/** The API path of a review, or of something under it (`/decisions`). */
export const reviewPath = (id: string, sub = '') => `/reviews/${enc(id)}${sub}`

export const reviewKeys = {
  all: ['reviews'] as const,
  list: ['reviews', 'list'] as const,
  one: (id: string) => ['reviews', 'one', id] as const,
  mine: (id: string) => ['reviews', 'mine', id] as const,
  evidence: (id: string) => ['reviews', 'evidence', id] as const,
  results: (id: string, round: number | null) => ['reviews', 'results', id, round] as const,
  ratings: (id: string, round: number | null) => ['reviews', 'ratings', id, round] as const,
  decisions: (id: string) => ['reviews', 'decisions', id] as const,
}

/** Reviews the user runs (coordinators, administrators) or takes part in; newest first. */
export function useReviews(enabled = true) {
  return useQuery({
    queryKey: reviewKeys.list,
    queryFn: ({ signal }) => api<{ data: ReviewSummary[] }>('/reviews', { signal }).then((r) => r.data),
    enabled,
    staleTime: 60_000,
  })
}

/** One review as the user may see it; 404 when they neither run it nor take part. */
export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKeys.one(id),
    queryFn: ({ signal }) => api<{ data: ReviewDetail }>(reviewPath(id), { signal }).then((r) => r.data),
  })
}

/** A participant's own workspace in the current round. */
export function useMyResponses(id: string, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.mine(id),
    queryFn: ({ signal }) =>
      api<{ data: MyResponses }>(reviewPath(id, '/my-responses'), { signal }).then((r) => r.data),
    enabled,
  })
}

/** Evidence from the monitoring data per indicator, by code. */
export function useEvidence(id: string, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.evidence(id),
    queryFn: ({ signal }) =>
      api<{ data: IndicatorEvidence[] }>(reviewPath(id, '/evidence'), { signal }).then(
        (r) => new Map(r.data.map((e) => [e.code, e])),
      ),
    enabled,
    staleTime: 5 * 60_000,
  })
}

/** Group results of a round (the latest when `round` is null). Coordinators only. */
export function useResults(id: string, round: number | null, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.results(id, round),
    queryFn: ({ signal }) =>
      api<{ data: ReviewResults }>(reviewPath(id, '/results'), { signal, query: { round } }).then((r) => r.data),
    enabled,
  })
}

/** Individual ratings of a round under pseudonyms (names only with consent). Coordinators only. */
export function useRatings(id: string, round: number | null, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.ratings(id, round),
    queryFn: ({ signal }) =>
      api<{ data: AnonymousRatings }>(reviewPath(id, '/ratings'), { signal, query: { round } }).then((r) => r.data),
    enabled,
  })
}

/** The coordinator's decisions and what they leave. */
export function useDecisions(id: string, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.decisions(id),
    queryFn: ({ signal }) =>
      api<{ data: DecisionsOverview }>(reviewPath(id, '/decisions'), { signal }).then((r) => r.data),
    enabled,
  })
}

type Detail = { data: ReviewDetail }
const post = (id: string, sub: string, body: unknown) =>
  api<Detail>(reviewPath(id, sub), { method: 'POST', body }).then((r) => r.data)

export const createReview = (
  body: Partial<CreateReviewBody> & Pick<CreateReviewBody, 'frameworkVersionId' | 'title'>,
) => api<Detail>('/reviews', { method: 'POST', body }).then((r) => r.data)
export const addParticipant = (id: string, body: AddParticipantBody) => post(id, '/participants', body)
export const removeParticipant = (id: string, participantId: string) =>
  api<Detail>(reviewPath(id, `/participants/${enc(participantId)}`), { method: 'DELETE' }).then((r) => r.data)
export const setConsent = (id: string, named: boolean) => post(id, '/consent', { named })
export const openRound = (id: string, version: number, closesOn: string | null) =>
  post(id, '/open-round', closesOn ? { version, closesOn } : { version })
export const closeRound = (id: string, version: number) => post(id, '/close-round', { version })
export const closeReview = (id: string, version: number) => post(id, '/close', { version })

export const saveResponse = (id: string, code: string, body: SaveResponseBody) =>
  api<{ data: MyResponses['indicators'][number] }>(reviewPath(id, `/my-responses/${enc(code)}`), {
    method: 'PUT',
    body,
  }).then((r) => r.data)

export const saveDecision = (id: string, code: string, body: DecisionBody) =>
  api<{ data: DecisionsOverview }>(reviewPath(id, `/decisions/${enc(code)}`), { method: 'PUT', body }).then(
    (r) => r.data,
  )

export const generateDraft = (id: string, label: string) =>
  api<{ data: { versionId: string; label: string } }>(reviewPath(id, '/generate'), {
    method: 'POST',
    body: { label },
  }).then((r) => r.data)

/** The review report's address in a format and language. */
export const reportUrl = (id: string, format: 'html' | 'docx', lang: Locale) =>
  apiUrl(reviewPath(id, '/report'), { format, lang })

/** After a change that returned the review: store it and load everything that depends on it again. */
export function useStoreReview() {
  const queryClient = useQueryClient()
  return (review: ReviewDetail) => {
    queryClient.setQueryData(reviewKeys.one(review.id), review)
    void queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'reviews' && q.queryKey[1] !== 'one' && q.queryKey[1] !== 'evidence',
    })
  }
}

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null

/** The indicators without a decision that a refused draft generation listed (409 `details.missing`). */
export function missingOf(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.status !== 409) return []
  const list = record(error.details)?.missing
  return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : []
}

/** Merges that point at an indicator that is itself dropped or merged away (409 `details.conflicts`). */
export function conflictsOf(error: unknown): { code: string; target: string }[] {
  if (!(error instanceof ApiError) || error.status !== 409) return []
  const list = record(error.details)?.conflicts
  if (!Array.isArray(list)) return []
  return list.flatMap((raw) => {
    const c = record(raw)
    return c && typeof c.code === 'string' && typeof c.target === 'string' ? [{ code: c.code, target: c.target }] : []
  })
}

/** A 404, or a malformed id the API rejected: the page shows "not found". */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'validation_failed'))

/** The review's round no longer takes responses (409 with the review's state). */
export const isRoundClosedError = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 409 && error.code === 'invalid_state'
