import { type Actor, canSeeCountry, hasRole, leadsCountry } from '../../actor.ts'

/** An answer as policies see it: its country and the organisation that gives it. */
export interface AnswerSubject {
  countryCode: string
  organisationId: string
}

const providerOf = (actor: Actor, s: AnswerSubject) =>
  actor.memberships.some(
    (m) => m.role === 'data_provider' && m.countryCode === s.countryCode && m.organisationId === s.organisationId,
  )
const onlyProvider = (actor: Actor, countryCode: string) =>
  actor.memberships.every(
    (m) => m.role === 'data_provider' || (m.countryCode !== null && m.countryCode !== countryCode),
  )

/**
 * Source answers: a data provider reads and writes only its own organisation's answers; the country lead writes any
 * source of the country (e.g. on behalf of an institution); experts and leads return answers for correction;
 * everyone else who sees the country reads them side by side.
 */
export const answersPolicy = {
  'answer.read': (actor: Actor, s: AnswerSubject) =>
    onlyProvider(actor, s.countryCode) ? providerOf(actor, s) : canSeeCountry(actor, s.countryCode),
  'answer.write': (actor: Actor, s: AnswerSubject) => providerOf(actor, s) || leadsCountry(actor, s.countryCode),
  'answer.return': (actor: Actor, s: AnswerSubject) =>
    leadsCountry(actor, s.countryCode) || hasRole(actor, 'expert', s.countryCode),
}
