import type { Actor } from './actor.ts'
import { forbidden } from './errors.ts'
import { answersPolicy } from './modules/answers/answers.policy.ts'
import { assessmentsPolicy } from './modules/assessments/assessments.policy.ts'
import { auditPolicy } from './modules/audit/audit.policy.ts'
import { countriesPolicy } from './modules/countries/countries.policy.ts'
import { discussionPolicy } from './modules/discussion/discussion.policy.ts'
import { filesPolicy } from './modules/files/files.policy.ts'
import { frameworksPolicy } from './modules/frameworks/frameworks.policy.ts'
import { jobsPolicy } from './modules/jobs/jobs.policy.ts'
import { organisationsPolicy } from './modules/organisations/organisations.policy.ts'
import { recommendationsPolicy } from './modules/recommendations/recommendations.policy.ts'
import { reportsPolicy } from './modules/reports/reports.policy.ts'
import { reviewsPolicy } from './modules/reviews/reviews.policy.ts'
import { roundsPolicy } from './modules/rounds/rounds.policy.ts'
import { templatesPolicy } from './modules/templates/templates.policy.ts'
import { usersPolicy } from './modules/users/users.policy.ts'

/** Every module's policy map, merged explicitly. Keys are actions; values are pure predicates. */
const POLICIES = {
  ...answersPolicy,
  ...assessmentsPolicy,
  ...auditPolicy,
  ...countriesPolicy,
  ...discussionPolicy,
  ...filesPolicy,
  ...frameworksPolicy,
  ...jobsPolicy,
  ...organisationsPolicy,
  ...recommendationsPolicy,
  ...reportsPolicy,
  ...reviewsPolicy,
  ...roundsPolicy,
  ...templatesPolicy,
  ...usersPolicy,
}

type Policies = typeof POLICIES
export type Action = keyof Policies
export type SubjectOf<A extends Action> = Parameters<Policies[A]>[1]

export const ACTIONS = Object.keys(POLICIES) as Action[]

/** True when the actor may take the action on the subject. */
export function can<A extends Action>(actor: Actor, action: A, subject: SubjectOf<A>): boolean {
  const rule = POLICIES[action] as (actor: Actor, subject: SubjectOf<A>) => boolean
  return rule(actor, subject)
}

/** Throws 403 unless the actor may take the action. Call it after loading the subject (404 first). */
export function authorize<A extends Action>(actor: Actor, action: A, subject: SubjectOf<A>): void {
  if (!can(actor, action, subject)) throw forbidden()
}

/** The listed actions the actor may take on the subject, for the web app to show or hide controls. */
export function abilitiesFor<A extends Action>(actor: Actor, actions: readonly A[], subject: SubjectOf<A>): string[] {
  return actions.filter((a) => can(actor, a, subject))
}
