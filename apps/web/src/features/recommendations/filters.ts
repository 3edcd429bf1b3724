import {
  FOLLOW_UP_STATUSES,
  type FollowUpStatus,
  RECOMMENDATION_PRIORITIES,
  type Recommendation,
  type RecommendationPriority,
} from '@thbm/shared'

/** The list's filters, kept in the URL query so a filtered view can be bookmarked and shared. */
export interface RecommendationFilters {
  priority: RecommendationPriority | null
  /** The latest status; `none` for recommendations not followed up yet. */
  status: FollowUpStatus | 'none' | null
  /** The issuing round's id. */
  round: string | null
}

export type RecommendationFilterKey = keyof RecommendationFilters
const KEYS: RecommendationFilterKey[] = ['priority', 'status', 'round']

const isPriority = (v: string | null): v is RecommendationPriority =>
  (RECOMMENDATION_PRIORITIES as readonly string[]).includes(v ?? '')
const isStatus = (v: string | null): v is FollowUpStatus | 'none' =>
  v === 'none' || (FOLLOW_UP_STATUSES as readonly string[]).includes(v ?? '')

/** Reads the filters from the query; unknown values are ignored rather than shown as an empty list. */
export function readRecommendationFilters(params: URLSearchParams): RecommendationFilters {
  const priority = params.get('priority')
  const status = params.get('status')
  const round = params.get('round')
  return {
    priority: isPriority(priority) ? priority : null,
    status: isStatus(status) ? status : null,
    round: round && /^[0-9a-f-]{36}$/i.test(round) ? round : null,
  }
}

/** A copy of the query with one filter set (or removed when empty); other parameters are kept. */
export function withRecommendationFilter(
  params: URLSearchParams,
  key: RecommendationFilterKey,
  value: string | null,
): URLSearchParams {
  const next = new URLSearchParams(params)
  if (value) next.set(key, value)
  else next.delete(key)
  return next
}

/** A copy of the query without any filter. */
export function withoutRecommendationFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of KEYS) next.delete(key)
  return next
}

export const hasRecommendationFilters = (f: RecommendationFilters): boolean =>
  Boolean(f.priority || f.status || f.round)

/** The recommendations that pass every filter. */
export function filterRecommendations(recs: readonly Recommendation[], f: RecommendationFilters): Recommendation[] {
  return recs.filter(
    (r) =>
      (!f.priority || r.priority === f.priority) &&
      (!f.status || (r.latestStatus ?? 'none') === f.status) &&
      (!f.round || r.issuedIn.id === f.round),
  )
}

/** The rounds that issued at least one of the recommendations, oldest first. */
export function issuingRounds(recs: readonly Recommendation[]): Recommendation['issuedIn'][] {
  const byId = new Map<string, Recommendation['issuedIn']>()
  for (const r of recs) byId.set(r.issuedIn.id, r.issuedIn)
  return [...byId.values()].sort((a, b) => a.periodTo.localeCompare(b.periodTo))
}
