import { type Actor, hasRole, isAdmin, leadsCountry } from '../../actor.ts'

/**
 * The Handbook: every signed-in user reads it; administrators and regional coordinators edit drafts and publish;
 * a country's lead (or an administrator or the regional coordinator) keeps that country's adaptation.
 */
export const frameworksPolicy = {
  'framework.read': (_actor: Actor, _subject: null) => true,
  'framework.edit': (actor: Actor, _subject: null) => isAdmin(actor) || hasRole(actor, 'regional_coordinator'),
  /** Translating content (other locales than the base) of a draft or published version: the same people. */
  'framework.translate': (actor: Actor, _subject: null) => isAdmin(actor) || hasRole(actor, 'regional_coordinator'),
  'adaptation.edit': (actor: Actor, subject: { countryCode: string }) =>
    hasRole(actor, 'regional_coordinator') || leadsCountry(actor, subject.countryCode),
}
