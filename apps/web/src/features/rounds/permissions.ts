import type { Me, MeResponse } from '@thbm/shared'
import { hasAbility, isAdmin, leadsCountry } from '../../app/permissions.ts'

/**
 * Whether to offer "Plan a round": the global `round.create` ability when the server reports it, otherwise the same
 * rule mirrored (administrators and regional coordinators). Only hides a control; the server stays the gate.
 */
export const mayPlanRounds = (me: MeResponse): boolean =>
  hasAbility(me, 'round.create') ||
  isAdmin(me.data) ||
  me.data.memberships.some((m) => m.role === 'regional_coordinator')

/** Organisations the user answers for in a country (as a data provider). */
export const providerOrganisations = (me: Me, country: string): string[] =>
  me.memberships
    .filter((m) => m.role === 'data_provider' && m.countryCode === country && m.organisationId)
    .map((m) => m.organisationId as string)

/** Whether the user may write an organisation's answer that does not exist yet (the answer's own abilities say it later). */
export const mayAnswerFor = (me: Me, country: string, organisationId: string): boolean =>
  leadsCountry(me, country) || providerOrganisations(me, country).includes(organisationId)
