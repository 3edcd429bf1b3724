import { type Actor, canSeeCountry, hasRole, leadsCountry } from '../../actor.ts'

/** An assessment as policies see it: its country, the expert(s) assigned, and who submitted it. */
export interface AssessmentSubject {
  countryCode: string
  /** The expert assigned to this scorer's assessment. */
  expertId: string | null
  submittedBy?: string | null
}

/** Whether the actor takes part in the country only as a data provider (roles elsewhere do not count). */
const onlyProvider = (actor: Actor, countryCode: string) =>
  actor.memberships.every(
    (m) => m.role === 'data_provider' || (m.countryCode !== null && m.countryCode !== countryCode),
  )

/**
 * Assessments: the assigned expert writes (the country lead may stand in); the country lead returns and validates,
 * never their own (four eyes); the lead or a regional coordinator unlocks a validated one with a reason. Data
 * providers do not read assessments; everyone else who sees the country does.
 */
export const assessmentsPolicy = {
  'assessment.read': (actor: Actor, s: AssessmentSubject) =>
    canSeeCountry(actor, s.countryCode) && !onlyProvider(actor, s.countryCode),
  'assessment.write': (actor: Actor, s: AssessmentSubject) =>
    (s.expertId !== null && s.expertId === actor.id && hasRole(actor, 'expert', s.countryCode)) ||
    leadsCountry(actor, s.countryCode),
  'assessment.review': (actor: Actor, s: AssessmentSubject) => leadsCountry(actor, s.countryCode),
  /** Four eyes: not by the expert it belongs to, nor by whoever submitted it. */
  'assessment.validate': (actor: Actor, s: AssessmentSubject) =>
    leadsCountry(actor, s.countryCode) && actor.id !== s.expertId && actor.id !== s.submittedBy,
  'assessment.unlock': (actor: Actor, s: AssessmentSubject) =>
    leadsCountry(actor, s.countryCode) || hasRole(actor, 'regional_coordinator'),
}
