import type { Me } from '@thbm/shared'

/**
 * Whether the user reads dashboards (the server's `dashboard.read`): everyone but a data provider, who sees only their
 * organisation's answers. Used only to hide links; the server stays the gate.
 */
export const mayReadDashboards = (me: Me | null | undefined): boolean =>
  Boolean(me?.memberships.some((m) => m.role !== 'data_provider'))
