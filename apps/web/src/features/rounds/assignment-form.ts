import type { Assignment, Issue } from '@thbm/shared'
import type { TFunction } from 'i18next'

/** The assignment dialog as edited: one line per organisation, with an optional named person. */
export interface AssignmentForm {
  /** 0 when the indicator has no assignment yet. */
  version: number
  expertId: string | null
  /** Double scoring: the second expert, who scores blind. */
  secondExpertId: string | null
  providers: { key: string; organisationId: string | null; userId: string | null }[]
  dueOn: string
}

/** The form filled from the current assignment (or empty). */
export function assignmentFormFrom(a: Assignment | null): AssignmentForm {
  return {
    version: a?.version ?? 0,
    expertId: a?.expert?.id ?? null,
    secondExpertId: a?.secondExpert?.id ?? null,
    providers: (a?.providers ?? []).map((p) => ({
      key: p.organisationId,
      organisationId: p.organisationId,
      userId: p.userId,
    })),
    dueOn: a?.dueOn ?? '',
  }
}

/** Every organisation line needs an organisation, each organisation appears once, and the two experts differ. */
export function validateAssignment(form: AssignmentForm, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {}
  const seen = new Set<string>()
  form.providers.forEach((p, i) => {
    if (!p.organisationId) errors[`providers.${i}.organisationId`] = t('rounds:assignment.errors.organisation')
    else if (seen.has(p.organisationId)) errors[`providers.${i}.organisationId`] = t('rounds:assignment.errors.twice')
    if (p.organisationId) seen.add(p.organisationId)
  })
  if (form.secondExpertId && form.secondExpertId === form.expertId)
    errors.secondExpertId = t('assessments:assignment.errors.samePerson')
  return errors
}

/** The server's issue messages (in English) and the catalog message each one is shown as; the first match wins. */
const ISSUE_MESSAGES: [RegExp, string][] = [
  [/another person/, 'assessments:assignment.errors.samePerson'],
  [/double scoring/, 'assessments:assignment.errors.notDouble'],
  [/twice/, 'rounds:assignment.errors.twice'],
  [/organisation of this country/, 'rounds:assignment.errors.organisation'],
  [/not a data provider/, 'rounds:assignment.errors.person'],
  [/expert/, 'rounds:assignment.errors.expert'],
]

/** Server issues (`body.providers[0].userId`) as messages per form field (`providers.0.userId`). */
export function assignmentIssues(issues: readonly Issue[], t: TFunction): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues) {
    if (!issue.path.startsWith('body.')) continue
    const field = issue.path.slice(5).replace(/\[(\d+)\]/g, '.$1')
    if (out[field]) continue
    out[field] = t(ISSUE_MESSAGES.find(([pattern]) => pattern.test(issue.message))?.[1] ?? 'common:fieldErrors.invalid')
  }
  return out
}
