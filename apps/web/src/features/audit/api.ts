import { useQuery } from '@tanstack/react-query'
import type { AuditPage } from '@thbm/shared'
import { api } from '../../api/client.ts'

/** The audit filters the URL may carry; every one is optional. */
export const AUDIT_FILTER_KEYS = [
  'userId',
  'action',
  'subjectType',
  'subjectId',
  'country',
  'from',
  'to',
  'before',
] as const
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number]
export type AuditFilter = Partial<Record<AuditFilterKey, string>>

/** Reads the filters from a URL query. */
export function filterFromParams(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {}
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)
    if (value) filter[key] = value
  }
  return filter
}

/** One page of audit events, newest first; `nextCursor` pages to older events. */
export function useAuditEvents(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => api<AuditPage>('/audit', { signal, query: { ...filter, limit: 50 } }),
    placeholderData: (previous) => previous,
  })
}
