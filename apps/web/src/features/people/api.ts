import { useQuery } from '@tanstack/react-query'
import type { PendingInvitation, Role, User } from '@thbm/shared'
import { api } from '../../api/client.ts'

export interface UserFilter {
  country?: string
  role?: Role
  q?: string
}

export const peopleKeys = {
  list: (filter: UserFilter) => ['users', filter] as const,
  one: (id: string) => ['user', id] as const,
  invitations: ['invitations'] as const,
}

/** People the user may list, filtered by country, role and a search text. */
export function useUsers(filter: UserFilter, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(filter),
    queryFn: ({ signal }) => api<{ data: User[] }>('/users', { signal, query: { ...filter } }).then((r) => r.data),
    enabled,
    placeholderData: (previous) => previous,
  })
}

/** One person; 404 when the user may not see them. */
export function useUser(id: string) {
  return useQuery({
    queryKey: peopleKeys.one(id),
    queryFn: ({ signal }) => api<{ data: User }>(`/users/${encodeURIComponent(id)}`, { signal }).then((r) => r.data),
  })
}

/** Invitations not yet accepted, revoked or expired. */
export function usePendingInvitations(enabled = true) {
  return useQuery({
    queryKey: peopleKeys.invitations,
    queryFn: ({ signal }) => api<{ data: PendingInvitation[] }>('/invitations', { signal }).then((r) => r.data),
    enabled,
  })
}
