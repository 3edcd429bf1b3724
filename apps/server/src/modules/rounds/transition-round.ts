import { ROUND_STATUSES, type RoundFocus, type RoundStatus } from '@thbm/shared'
import type { Actor, RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, forbidden, invalidState, validationFailed } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { can } from '../../policies.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { carriedOver } from '../recommendations/recommendations.queries.ts'
import type { LoadedRound } from './rounds.queries.ts'
import { refreshRoundIndicators } from './selection.ts'

export interface Blocker {
  countryCode: string
  indicatorCode: string | null
  /** no_indicators: the country's list is empty; not_validated: an indicator has no validated assessment (a value or
   * "no data" with its reason); follow_up_missing: a carried-over recommendation has no follow-up status here. */
  problem: 'no_indicators' | 'not_validated' | 'follow_up_missing'
  recommendationId?: string
}

/** What stops a round from moving forward to `to`; empty when nothing does. */
export async function blockersFor(trx: Trx, round: LoadedRound, to: RoundStatus): Promise<Blocker[]> {
  const lists = await trx
    .selectFrom('roundIndicators')
    .select(['countryCode', 'indicatorCode'])
    .where('roundId', '=', round.row.id)
    .orderBy('countryCode')
    .orderBy('position')
    .execute()
  if (to === 'collecting') {
    return round.countries
      .filter((c) => !lists.some((l) => l.countryCode === c))
      .map((countryCode) => ({ countryCode, indicatorCode: null, problem: 'no_indicators' }))
  }
  if (to === 'published') {
    const validated = await trx
      .selectFrom('assessments')
      .select(['countryCode', 'indicatorCode'])
      .where('roundId', '=', round.row.id)
      .where('scorer', '=', 'primary')
      .where('status', '=', 'validated')
      .execute()
    const done = new Set(validated.map((a) => `${a.countryCode}/${a.indicatorCode}`))
    const blockers: Blocker[] = lists
      .filter((l) => !done.has(`${l.countryCode}/${l.indicatorCode}`))
      .map((l) => ({ countryCode: l.countryCode, indicatorCode: l.indicatorCode, problem: 'not_validated' }))
    for (const countryCode of round.countries) {
      for (const rec of await carriedOver(trx, round.row, countryCode)) {
        if (!rec.followUps.some((f) => f.round.id === round.row.id))
          blockers.push({ countryCode, indicatorCode: null, problem: 'follow_up_missing', recommendationId: rec.id })
      }
    }
    return blockers
  }
  return []
}

/**
 * Moves a round along planning → collecting → reviewing → published → archived. Forward moves go one step and are
 * checked (409 with the list of what blocks them); a move back needs the regional coordinator and a reason.
 */
export async function transitionRound(
  trx: Trx,
  ctx: RequestContext,
  actor: Actor,
  round: LoadedRound,
  input: { to: RoundStatus; version: number; reason?: string },
) {
  assertVersion(round.row.version, input.version)
  const from = round.row.status as RoundStatus
  const step = ROUND_STATUSES.indexOf(input.to) - ROUND_STATUSES.indexOf(from)
  if (step === 0) throw invalidState(`The round is ${from} already`)
  if (step > 1)
    throw invalidState(
      `A round moves one step at a time: from ${from} the next is ${ROUND_STATUSES[ROUND_STATUSES.indexOf(from) + 1]}`,
    )
  if (step < 0) {
    if (!can(actor, 'round.moveBack', round)) throw forbidden('Only the regional coordinator moves a round back')
    if (!input.reason) throw validationFailed([{ path: 'body.reason', message: 'Say why the round moves back' }])
  }
  if (from === 'planning' && input.to === 'collecting') {
    await refreshRoundIndicators(
      trx,
      {
        id: round.row.id,
        frameworkVersionId: round.row.frameworkVersionId,
        focus: round.row.focusTopic as RoundFocus | null,
      },
      round.countries,
      round.manual,
    )
  }
  if (step > 0) {
    const blockers = await blockersFor(trx, round, input.to)
    if (blockers.length)
      throw invalidState(`${blockers.length} item(s) stop the round from moving to ${input.to}`, { blockers })
  }
  const res = await trx
    .updateTable('rounds')
    .set({ status: input.to, updatedAt: nowIso(), version: round.row.version + 1 })
    .where('id', '=', round.row.id)
    .where('version', '=', input.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, ctx, {
    action: 'round.statusChanged',
    subjectType: 'round',
    subjectId: round.row.id,
    before: { status: from },
    after: { status: input.to, ...(input.reason ? { reason: input.reason } : {}) },
  })
}
