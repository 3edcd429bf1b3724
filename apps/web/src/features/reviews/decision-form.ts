import type { ContentLocale, Decision, DecisionBody, DecisionsOverview, ReviewDecisionKind, Topic } from '@thbm/shared'

/** The coordinator's decision on one indicator as the form holds it. */
export interface DecisionFormState {
  decision: ReviewDecisionKind | null
  mergeInto: string | null
  moveTo: Topic | null
  /** The new title in the Handbook's base language, for reword. */
  newTitle: string
  rationale: string
}

export type DecisionProblem =
  | 'required'
  | 'mergeTarget'
  | 'mergeSelf'
  | 'targetGone'
  | 'moveTarget'
  | 'newTitle'
  | 'rationale'
  | 'invalid'
export type DecisionErrors = Record<string, DecisionProblem>

/** Decisions that take an indicator out of the next version. */
const GONE: ReadonlySet<ReviewDecisionKind> = new Set(['drop', 'merge'])
export const isGone = (kind: ReviewDecisionKind | null | undefined): boolean => Boolean(kind && GONE.has(kind))

export function decisionForm(existing: Decision | undefined, baseLocale: ContentLocale): DecisionFormState {
  return {
    decision: existing?.decision ?? null,
    mergeInto: existing?.mergeInto ?? null,
    moveTo: existing?.moveTo ?? null,
    newTitle: existing?.newTitle?.[baseLocale] ?? '',
    rationale: existing?.rationale ?? '',
  }
}

/**
 * Checks a decision before it is sent: a decision is chosen, a merge names another indicator that stays, a move a
 * module, a rewording its new title, and anything but keep its reason.
 */
export function validateDecision(
  state: DecisionFormState,
  code: string,
  decisions: readonly Pick<Decision, 'code' | 'decision'>[],
): DecisionErrors {
  const errors: DecisionErrors = {}
  if (!state.decision) return { decision: 'required' }
  if (state.decision === 'merge') {
    if (!state.mergeInto) errors.mergeInto = 'mergeTarget'
    else if (state.mergeInto === code) errors.mergeInto = 'mergeSelf'
    else if (isGone(decisions.find((d) => d.code === state.mergeInto)?.decision)) errors.mergeInto = 'targetGone'
  }
  if (state.decision === 'move' && !state.moveTo) errors.moveTo = 'moveTarget'
  if (state.decision === 'reword' && !state.newTitle.trim()) errors.newTitle = 'newTitle'
  if (state.decision !== 'keep' && !state.rationale.trim()) errors.rationale = 'rationale'
  return errors
}

export function toDecisionBody(state: DecisionFormState, version: number, baseLocale: ContentLocale): DecisionBody {
  const decision = state.decision ?? 'keep'
  return {
    version,
    decision,
    mergeInto: decision === 'merge' ? state.mergeInto : null,
    moveTo: decision === 'move' ? state.moveTo : null,
    newTitle: decision === 'reword' ? { [baseLocale]: state.newTitle.trim() } : null,
    rationale: state.rationale.trim(),
  }
}

/**
 * How many indicators the decisions leave if the decision on `code` becomes `kind` (null: as it stands). Drops and
 * merges take an indicator out; undecided indicators count as kept, as on the server.
 */
export function remainingAfter(overview: DecisionsOverview, code: string, kind: ReviewDecisionKind | null): number {
  const { remaining } = overview.summary
  if (!kind) return remaining
  const before = overview.decisions.find((d) => d.code === code)?.decision
  return remaining + (isGone(before) ? 1 : 0) - (isGone(kind) ? 1 : 0)
}

/** The server's field problems (400) in the form's terms. */
export function decisionErrorsFromIssues(issues: readonly { path: string }[]): DecisionErrors {
  const errors: DecisionErrors = {}
  for (const issue of issues) {
    const field = issue.path.replace(/^body\./, '').split('.')[0] as string
    const known: Record<string, DecisionProblem> = {
      mergeInto: 'mergeTarget',
      moveTo: 'moveTarget',
      newTitle: 'newTitle',
      rationale: 'rationale',
    }
    errors[field] ??= known[field] ?? 'invalid'
  }
  return errors
}
