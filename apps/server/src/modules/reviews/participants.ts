import type { AddParticipantBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { fromBool } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { conflict, invalidState, notFound, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { LoadedParticipant, LoadedReview } from './reviews.queries.ts'

function assertNotClosed(review: LoadedReview): void {
  if (review.status === 'closed') throw invalidState('The review is closed', { status: review.status })
}

/**
 * Invites a user to take part for a country. Someone added after round 1 opened gets the next pseudonym number;
 * earlier participants were numbered in a random order when it opened.
 */
export async function addParticipant(
  trx: Trx,
  ctx: RequestContext,
  review: LoadedReview,
  body: AddParticipantBody,
): Promise<string> {
  assertNotClosed(review)
  const user = await trx.selectFrom('users').select(['id', 'active']).where('id', '=', body.userId).executeTakeFirst()
  if (user?.active !== 1)
    throw validationFailed([{ path: 'body.userId', message: 'There is no active user with this id' }])
  const country = await trx
    .selectFrom('countries')
    .select('code')
    .where('code', '=', body.countryCode)
    .executeTakeFirst()
  if (!country) throw validationFailed([{ path: 'body.countryCode', message: 'There is no such country' }])
  if (review.participants.some((p) => p.userId === body.userId))
    throw conflict('This person takes part in the review already')
  const numbered = review.participants.map((p) => p.pseudonym ?? 0)
  const pseudonym = review.row.currentRound > 0 ? Math.max(0, ...numbered) + 1 : null
  const id = newId()
  await trx
    .insertInto('reviewParticipants')
    .values({
      id,
      reviewId: review.row.id,
      userId: body.userId,
      countryCode: body.countryCode,
      role: body.role,
      named: 0,
      pseudonym,
      createdAt: nowIso(),
    })
    .execute()
  await recordAudit(trx, ctx, {
    action: 'review.participantAdded',
    subjectType: 'reviewParticipant',
    subjectId: id,
    countryCode: body.countryCode,
    after: { review: review.row.id, userId: body.userId, role: body.role },
  })
  return id
}

/** Removes a participant who has not responded yet (responses given stay part of the review). */
export async function removeParticipant(
  trx: Trx,
  ctx: RequestContext,
  review: LoadedReview,
  participantId: string,
): Promise<void> {
  assertNotClosed(review)
  const participant = review.participants.find((p) => p.id === participantId)
  if (!participant) throw notFound('Participant not found')
  const responded = await trx
    .selectFrom('reviewResponses')
    .select('id')
    .where('participantId', '=', participantId)
    .limit(1)
    .executeTakeFirst()
  if (responded) throw invalidState('This participant has responded already and cannot be removed')
  await trx.deleteFrom('reviewParticipants').where('id', '=', participantId).execute()
  await recordAudit(trx, ctx, {
    action: 'review.participantRemoved',
    subjectType: 'reviewParticipant',
    subjectId: participantId,
    countryCode: participant.countryCode,
    before: { review: review.row.id, userId: participant.userId, role: participant.role },
  })
}

/** A participant's own choice to be named to the coordinators next to their ratings (or to stay a pseudonym). */
export async function setConsent(
  trx: Trx,
  ctx: RequestContext,
  review: LoadedReview,
  participant: LoadedParticipant,
  named: boolean,
): Promise<void> {
  if (participant.named === named) return
  await trx
    .updateTable('reviewParticipants')
    .set({ named: fromBool(named) })
    .where('id', '=', participant.id)
    .execute()
  await recordAudit(trx, ctx, {
    action: 'review.consentChanged',
    subjectType: 'reviewParticipant',
    subjectId: participant.id,
    countryCode: participant.countryCode,
    before: { review: review.row.id, named: participant.named },
    after: { named },
  })
}
