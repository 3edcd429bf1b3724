import { type Actor, canSeeCountry, hasRole, leadsCountry } from '../../actor.ts'

export interface DiscussionSubject {
  countryCode: string
  /** The comment's author (resolve and reopen). */
  authorId?: string | null
}

const onlyProvider = (actor: Actor) => actor.memberships.every((m) => m.role === 'data_provider')
const works = (actor: Actor, countryCode: string) =>
  leadsCountry(actor, countryCode) || hasRole(actor, 'expert', countryCode) || hasRole(actor, 'regional_coordinator')

/**
 * Indicator threads, findings and conclusions are the assessment team's: leads, experts and coordinators write them,
 * observers read them, data providers (who see only their own organisation's answers) do not see them. A comment is
 * resolved or reopened by its author, the country lead or a coordinator.
 */
export const discussionPolicy = {
  'comment.read': (actor: Actor, s: DiscussionSubject) => canSeeCountry(actor, s.countryCode) && !onlyProvider(actor),
  'comment.write': (actor: Actor, s: DiscussionSubject) => works(actor, s.countryCode),
  'comment.resolve': (actor: Actor, s: DiscussionSubject) =>
    (s.authorId !== undefined && s.authorId !== null && s.authorId === actor.id && works(actor, s.countryCode)) ||
    leadsCountry(actor, s.countryCode) ||
    hasRole(actor, 'regional_coordinator'),
  'narrative.write': (actor: Actor, s: DiscussionSubject) => works(actor, s.countryCode),
}
