import type { Me, Progress, RoundStatus, SubmitAllBody, SubmitAllResult, WorkStatus } from '@thbm/shared'
import { api } from '../../api/client.ts'
import { leadsCountry } from '../../app/permissions.ts'
import { roundKeys, roundPath } from './api.ts'
import { providerOrganisations } from './permissions.ts'

/** Round states in which answers can be submitted all at once (during review, only returned ones). */
export const SUBMIT_ALL_STATUSES: readonly RoundStatus[] = ['collecting', 'reviewing']

/**
 * Submits every ready answer of a country the user may write (a data provider: its organisations'; a country lead:
 * every organisation's). Resolves with what was submitted and what was not ready, with its problems; rejects with an
 * ApiError (403 when the user may not write answers there, 409 when the round is neither collecting nor reviewing).
 */
export function submitAllAnswers(roundId: string, country: string, body: SubmitAllBody = {}): Promise<SubmitAllResult> {
  return api<{ data: SubmitAllResult }>(roundPath(roundId, `/countries/${encodeURIComponent(country)}/submit`), {
    method: 'POST',
    body,
  }).then((r) => r.data)
}

/** The query keys to refresh after answers were submitted: the board, the indicators' answers and "your work". */
export const submitAllRefreshKeys = (roundId: string, country: string) => [
  roundKeys.progress(roundId, country),
  ['rounds', 'work', roundId, country],
  ['rounds', 'my-work'],
]

/**
 * How many answers on the board "Submit all" would look at: drafts and returned answers while collecting, returned
 * ones in review; a data provider's only for its organisations where they are assigned. Whether each is complete is
 * for the server to say, so this is an upper bound.
 */
export function submitCandidates(progress: Progress, me: Me, country: string): number {
  const lead = leadsCountry(me, country)
  const own = new Set(providerOrganisations(me, country))
  const open: readonly WorkStatus[] = progress.round.status === 'reviewing' ? ['returned'] : ['in_progress', 'returned']
  let count = 0
  for (const row of progress.indicators) {
    for (const source of row.sources) {
      if (!open.includes(source.status)) continue
      const mine =
        lead ||
        (own.has(source.organisationId) &&
          Boolean(row.assignment?.providers.some((p) => p.organisationId === source.organisationId)))
      if (mine) count++
    }
  }
  return count
}

/** Organisation names by id, from the board's answers and assignments and the user's own memberships. */
export function organisationNames(progress: Progress, me: Me): Map<string, string> {
  const names = new Map<string, string>()
  for (const m of me.memberships)
    if (m.organisationId && m.organisationName) names.set(m.organisationId, m.organisationName)
  for (const row of progress.indicators) {
    for (const p of row.assignment?.providers ?? []) names.set(p.organisationId, p.organisationName)
    for (const s of row.sources) names.set(s.organisationId, s.organisationName)
  }
  return names
}
