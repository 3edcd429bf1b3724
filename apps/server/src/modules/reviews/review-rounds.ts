import { randomInt } from 'node:crypto'
import type { OpenRoundBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState } from '../../errors.ts'
import { nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { LoadedReview, ReviewRound } from './reviews.queries.ts'

type ReviewChanges = {
  status?: string
  currentRound?: number
  roundOpen?: number
  schedule?: string
  rounds?: ReviewRound[]
}

async function writeReview(trx: Trx, review: LoadedReview, expected: number, changes: ReviewChanges) {
  const { rounds, ...rest } = changes
  const res = await trx
    .updateTable('reviews')
    .set({
      ...rest,
      ...(rounds && { rounds: toJson(rounds) }),
      updatedAt: nowIso(),
      version: review.row.version + 1,
    })
    .where('id', '=', review.row.id)
    .where('version', '=', expected)
    .executeTakeFirst()
  assertOneRowUpdated(res)
}

/** Numbers the participants without a pseudonym after the highest one, in a random order (Fisher-Yates). */
async function assignPseudonyms(trx: Trx, review: LoadedReview): Promise<void> {
  const pending = review.participants.filter((p) => p.pseudonym === null)
  for (let i = pending.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[pending[i], pending[j]] = [pending[j] as (typeof pending)[number], pending[i] as (typeof pending)[number]]
  }
  let next = Math.max(0, ...review.participants.map((p) => p.pseudonym ?? 0))
  for (const p of pending)
    await trx.updateTable('reviewParticipants').set({ pseudonym: ++next }).where('id', '=', p.id).execute()
}

/** Opens the next rating round (round 1 from a draft, or the next after a closed round). */
export async function openRound(trx: Trx, ctx: RequestContext, review: LoadedReview, body: OpenRoundBody) {
  assertVersion(review.row.version, body.version)
  if (review.status === 'closed') throw invalidState('The review is closed', { status: review.status })
  if (review.row.roundOpen === 1)
    throw invalidState(`Round ${review.row.currentRound} is open; close it before opening the next`)
  if (review.participants.length === 0) throw invalidState('Invite the participants before opening a round')
  const round = review.row.currentRound + 1
  const schedule = [...review.schedule]
  if (body.closesOn !== undefined) {
    while (schedule.length < round) schedule.push(null)
    schedule[round - 1] = body.closesOn
  }
  await assignPseudonyms(trx, review)
  await writeReview(trx, review, body.version, {
    status: 'open',
    currentRound: round,
    roundOpen: 1,
    schedule: toJson(schedule),
    rounds: [...review.rounds, { number: round, openedAt: nowIso(), closedAt: null }],
  })
  await recordAudit(trx, ctx, {
    action: 'review.roundOpened',
    subjectType: 'review',
    subjectId: review.row.id,
    after: { round, closesOn: schedule[round - 1] ?? null },
  })
}

const closedRounds = (review: LoadedReview): ReviewRound[] =>
  review.rounds.map((r) => (r.number === review.row.currentRound && !r.closedAt ? { ...r, closedAt: nowIso() } : r))

/** Closes the open round: responses to it can no longer change. */
export async function closeRound(trx: Trx, ctx: RequestContext, review: LoadedReview, expected: number) {
  assertVersion(review.row.version, expected)
  if (review.status !== 'open' || review.row.roundOpen !== 1) throw invalidState('No round is open')
  await writeReview(trx, review, expected, { roundOpen: 0, rounds: closedRounds(review) })
  await recordAudit(trx, ctx, {
    action: 'review.roundClosed',
    subjectType: 'review',
    subjectId: review.row.id,
    after: { round: review.row.currentRound },
  })
}

/** Ends the review after at least one round (closing an open round): what remains is deciding. */
export async function closeReview(trx: Trx, ctx: RequestContext, review: LoadedReview, expected: number) {
  assertVersion(review.row.version, expected)
  if (review.status !== 'open')
    throw invalidState(review.status === 'draft' ? 'No round has run yet' : 'The review is closed already', {
      status: review.status,
    })
  await writeReview(trx, review, expected, { status: 'closed', roundOpen: 0, rounds: closedRounds(review) })
  await recordAudit(trx, ctx, {
    action: 'review.closed',
    subjectType: 'review',
    subjectId: review.row.id,
    before: { status: review.status },
    after: { status: 'closed', rounds: review.row.currentRound },
  })
}
