import {
  type CreateReviewBody,
  DEFAULT_CONSENSUS_IQR,
  type Issue,
  REVIEW_CRITERIA,
  type ReviewCriterion,
} from '@thbm/shared'

/** The "new review" form. Dates are `YYYY-MM-DD` or empty; one per planned round. */
export interface ReviewFormState {
  frameworkVersionId: string
  title: string
  description: string
  criteria: ReviewCriterion[]
  consensusIqr: number | string
  schedule: string[]
}

export type ReviewFormProblem = 'required' | 'criteria' | 'threshold' | 'date' | 'order' | 'invalid'
export type ReviewFormErrors = Record<string, ReviewFormProblem>

/** Two rounds planned (the least a Delphi exercise has), the four default criteria, consensus at IQR ≤ 1. */
export const emptyReviewForm = (): ReviewFormState => ({
  frameworkVersionId: '',
  title: '',
  description: '',
  criteria: [...REVIEW_CRITERIA],
  consensusIqr: DEFAULT_CONSENSUS_IQR,
  schedule: ['', ''],
})

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function validateReviewForm(form: ReviewFormState): ReviewFormErrors {
  const errors: ReviewFormErrors = {}
  if (!form.frameworkVersionId) errors.frameworkVersionId = 'required'
  if (!form.title.trim()) errors.title = 'required'
  if (form.criteria.length === 0) errors.criteria = 'criteria'
  const iqr = typeof form.consensusIqr === 'number' ? form.consensusIqr : Number.NaN
  if (!(iqr >= 0 && iqr <= 4)) errors.consensusIqr = 'threshold'
  let last = ''
  form.schedule.forEach((date, i) => {
    if (!date) return
    if (!DATE.test(date)) errors[`schedule.${i}`] = 'date'
    else if (last && date <= last) errors[`schedule.${i}`] = 'order'
    else last = date
  })
  return errors
}

/** The request body; criteria in the canonical order, trailing unplanned rounds left out. */
export function toCreateReviewBody(form: ReviewFormState): CreateReviewBody {
  const schedule = form.schedule.map((d) => d || null)
  while (schedule.length && schedule.at(-1) === null) schedule.pop()
  return {
    frameworkVersionId: form.frameworkVersionId,
    title: form.title.trim(),
    description: form.description.trim(),
    criteria: REVIEW_CRITERIA.filter((c) => form.criteria.includes(c)),
    consensusIqr: Number(form.consensusIqr),
    schedule,
  }
}

export function reviewErrorsFromIssues(issues: readonly Issue[]): ReviewFormErrors {
  const errors: ReviewFormErrors = {}
  for (const issue of issues) {
    const parts = issue.path.replace(/^body\./, '').split('.')
    const field = parts[0] === 'schedule' && parts[1] ? `schedule.${parts[1]}` : (parts[0] as string)
    errors[field] ??=
      field === 'criteria'
        ? 'criteria'
        : field === 'consensusIqr'
          ? 'threshold'
          : field.startsWith('schedule')
            ? 'date'
            : 'invalid'
  }
  return errors
}
