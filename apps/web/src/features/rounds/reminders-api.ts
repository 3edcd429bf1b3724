import { useQuery } from '@tanstack/react-query'
import type { Progress, ReminderResult, ReminderSelection, RoundStatus } from '@thbm/shared'
import { api } from '../../api/client.ts'
import { roundPath } from './api.ts'

/** Round states in which the people who are late can be reminded. */
export const REMINDER_STATUSES: readonly RoundStatus[] = ['collecting', 'reviewing']

/** Whether the board's user may remind people in this country now (lead, coordinator, admin; open round). */
export const mayRemind = (progress: Progress): boolean =>
  progress.abilities.includes('round.remind') && REMINDER_STATUSES.includes(progress.round.status)

const remindersPath = (roundId: string, country: string, sub = '') =>
  roundPath(roundId, `/countries/${encodeURIComponent(country)}/reminders${sub}`)

const selectionParam = (selection: ReminderSelection) => (selection === 'late' ? 'late' : selection.join(','))

/** How many people a reminder would reach and how many reminders the 24-hour throttle would skip; writes nothing. */
export function useReminderPreview(roundId: string, country: string, selection: ReminderSelection) {
  return useQuery({
    queryKey: ['rounds', 'reminders', roundId, country, selectionParam(selection)],
    queryFn: ({ signal }) =>
      api<{ data: ReminderResult }>(remindersPath(roundId, country, '/preview'), {
        signal,
        query: { indicatorCodes: selectionParam(selection) },
      }).then((r) => r.data),
    staleTime: 0,
    gcTime: 0,
  })
}

/** Reminds everyone who still has to act on the chosen indicators, with an optional personal note. */
export function sendReminders(
  roundId: string,
  country: string,
  selection: ReminderSelection,
  message: string,
): Promise<ReminderResult> {
  const note = message.trim()
  return api<{ data: ReminderResult }>(remindersPath(roundId, country), {
    method: 'POST',
    body: { indicatorCodes: selection, ...(note ? { message: note } : {}) },
  }).then((r) => r.data)
}
