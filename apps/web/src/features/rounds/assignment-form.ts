import type { Assignment, Issue } from '@thbm/shared'
import type { TFunction } from 'i18next'

/** The assignment dialog as edited: one line per organisation, with an optional named person. */
export interface AssignmentForm {
  /** 0 when the indicator has no assignment yet. */
  version: number
  expertId: string | null
  providers: { key: string; organisationId: string | null; userId: string | null }[]
  dueOn: string
}

/** The form filled from the current assignment (or empty). */
export function assignmentFormFrom(a: Assignment | null): AssignmentForm {
  return {
    version: a?.version ?? 0,
    expertId: a?.expert?.id ?? null,
    providers: (a?.providers ?? []).map((p) => ({
      key: p.organisationId,
      organisationId: p.organisationId,
      userId: p.userId,
    })),
    dueOn: a?.dueOn ?? '',
  }
}

/** Every organisation line needs an organisation, and each organisation appears once. */
export function validateAssignment(form: AssignmentForm, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {}
  const seen = new Set<string>()
  form.providers.forEach((p, i) => {
    if (!p.organisationId) errors[`providers.${i}.organisationId`] = t('rounds:assignment.errors.organisation')
    else if (seen.has(p.organisationId)) errors[`providers.${i}.organisationId`] = t('rounds:assignment.errors.twice')
    if (p.organisationId) seen.add(p.organisationId)
  })
  return errors
}

/** Server issues (`body.providers[0].userId`) as messages per form field (`providers.0.userId`). */
export function assignmentIssues(issues: readonly Issue[], t: TFunction): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues) {
    if (!issue.path.startsWith('body.')) continue
    const field = issue.path.slice(5).replace(/\[(\d+)\]/g, '.$1')
    if (out[field]) continue
    out[field] = /twice/.test(issue.message)
      ? t('rounds:assignment.errors.twice')
      : /organisation of this country/.test(issue.message)
        ? t('rounds:assignment.errors.organisation')
        : /not a data provider/.test(issue.message)
          ? t('rounds:assignment.errors.person')
          : /expert/.test(issue.message)
            ? t('rounds:assignment.errors.expert')
            : t('common:fieldErrors.invalid')
  }
  return out
}
