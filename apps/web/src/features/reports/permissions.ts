import type { Me, RoundStatus } from '@thbm/shared'
import { isAdmin, leadsCountry } from '../../app/permissions.ts'

/*
 * Client-side mirrors of the server's report policies (`reports.policy.ts`), used only to hide controls the user
 * cannot use. The server stays the gate.
 */

const isCoordinator = (me: Me): boolean => me.memberships.some((m) => m.role === 'regional_coordinator')

/** Whether the user reads any report (everyone but a data provider, who sees only their organisation's answers). */
export const mayReadReports = (me: Me | null | undefined): boolean =>
  Boolean(me?.memberships.some((m) => m.role !== 'data_provider'))

/** Whether the user reads a country's national report as it stands (`report.readNational`). */
export const mayReadNational = (me: Me | null | undefined, country: string): boolean =>
  Boolean(
    me?.memberships.some((m) => m.role !== 'data_provider' && (m.countryCode === null || m.countryCode === country)),
  )

/** Whether the user reads the regional report before publication: region-wide roles only (`report.readRegional`). */
export const mayReadRegional = (me: Me | null | undefined): boolean =>
  Boolean(me?.memberships.some((m) => m.countryCode === null))

/** The country lead (or an administrator) or a regional coordinator publishes a national report. */
export const mayPublishNational = (me: Me | null | undefined, country: string): boolean =>
  Boolean(me && (leadsCountry(me, country) || isCoordinator(me)))

/** A regional coordinator (or an administrator) publishes the regional report and writes its texts. */
export const mayPublishRegional = (me: Me | null | undefined): boolean =>
  Boolean(me && (isAdmin(me) || isCoordinator(me)))

/** Reports are published once the round is in review (and corrected after that). */
export const isPublishable = (status: RoundStatus): boolean =>
  status === 'reviewing' || status === 'published' || status === 'archived'
