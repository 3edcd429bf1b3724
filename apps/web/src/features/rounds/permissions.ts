import type { Me, MeResponse, Progress } from '@thbm/shared'
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

/**
 * Whether the user sees a country only as a data provider (no other role there or region-wide): the progress board
 * then counts their organisation's answers only, as the server does.
 */
export const seesOwnAnswersOnly = (me: Me, country: string): boolean =>
  !me.memberships.some((m) => m.role !== 'data_provider' && (m.countryCode === null || m.countryCode === country))

/** Whether the progress board says the user reads the country's assessments and area scores (data providers do not). */
export const readsAssessments = (progress: Progress | undefined): boolean =>
  Boolean(progress?.abilities.includes('assessment.read'))

/** Whether the progress board says the user reads the team's comments, findings and conclusions. */
export const readsDiscussion = (progress: Progress | undefined): boolean =>
  Boolean(progress?.abilities.includes('comment.read'))
