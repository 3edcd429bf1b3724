import { useQuery } from '@tanstack/react-query'
import type { Me, Narrative, NarrativeKind, Thread } from '@thbm/shared'
import { api } from '../../api/client.ts'
import { isAdmin, leadsCountry } from '../../app/permissions.ts'
import { indicatorPath, roundPath } from '../rounds/api.ts'

export const discussionKeys = {
  all: ['discussion'] as const,
  thread: (roundId: string, country: string, code: string) => ['discussion', 'thread', roundId, country, code] as const,
  narratives: (roundId: string, country: string) => ['discussion', 'narratives', roundId, country] as const,
}

/** The API path of an indicator's comment thread (`/{commentId}/resolve` and `/reopen` below it). */
export const threadPath = (roundId: string, country: string, code: string, sub = '') =>
  indicatorPath(roundId, country, code, `/comments${sub}`)

/** The scope of the regional report's texts, used where a country code names a country's texts. */
export const REGION_SCOPE = 'region'

/** The API path of a country's findings, conclusions and summary in a round, or of the region's (REGION_SCOPE). */
export const narrativesPath = (roundId: string, country: string) =>
  country === REGION_SCOPE
    ? roundPath(roundId, '/region/narratives')
    : roundPath(roundId, `/countries/${encodeURIComponent(country)}/narratives`)

/** An indicator's comments, who may be mentioned, and whether the user may write (404 for data providers). */
export function useThread(roundId: string, country: string, code: string) {
  return useQuery({
    queryKey: discussionKeys.thread(roundId, country, code),
    queryFn: ({ signal }) => api<{ data: Thread }>(threadPath(roundId, country, code), { signal }).then((r) => r.data),
  })
}

/** A country's (or the region's) findings per area, conclusions and summary (404 for data providers). */
export function useNarratives(roundId: string, country: string) {
  return useQuery({
    queryKey: discussionKeys.narratives(roundId, country),
    queryFn: ({ signal }) =>
      api<{ data: Narrative[] }>(narrativesPath(roundId, country), { signal }).then((r) => r.data),
  })
}

/** The saved text of one narrative, if any. */
export const findNarrative = (list: readonly Narrative[], kind: NarrativeKind, areaCode = '') =>
  list.find((n) => n.kind === kind && n.areaCode === areaCode) ?? null

/**
 * Whether to offer editing findings and conclusions: the country lead, the country's experts and regional
 * coordinators (the server's `narrative.write`); the region's texts, an administrator or a regional coordinator
 * (`report.publishRegional`). Only hides a control; the server stays the gate (observers get 403).
 */
export const mayWriteNarratives = (me: Me, country: string): boolean =>
  country === REGION_SCOPE
    ? isAdmin(me) || me.memberships.some((m) => m.role === 'regional_coordinator')
    : leadsCountry(me, country) ||
      me.memberships.some(
        (m) =>
          m.role === 'regional_coordinator' || (m.role === 'expert' && (m.countryCode === country || !m.countryCode)),
      )
