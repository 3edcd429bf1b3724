import type { Issue, SaveResponseBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, notFound, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { versionCodes } from '../frameworks/import-framework.ts'
import type { LoadedParticipant, LoadedReview } from './reviews.queries.ts'

/** Throws 409 unless a round of the review takes responses now. */
export function assertRoundOpen(review: LoadedReview): void {
  if (review.status === 'open' && review.row.roundOpen === 1) return
  const round = review.row.currentRound
  throw invalidState(
    review.status === 'draft' || round === 0
      ? 'No round of this review has opened yet'
      : `Round ${round} of this review is closed; responses can no longer change`,
    { status: review.status, round },
  )
}

/**
 * Saves a participant's ratings, proposal and comment on one indicator in the open round (version-checked; 0 for a
 * first save). The audit row names the review and round only, so it cannot be matched with the anonymous ratings.
 */
export async function saveResponse(
  trx: Trx,
  ctx: RequestContext,
  review: LoadedReview,
  participant: LoadedParticipant,
  code: string,
  body: SaveResponseBody,
): Promise<void> {
  assertRoundOpen(review)
  const codes = await versionCodes(trx, review.row.frameworkVersionId)
  if (!codes.has(code)) throw notFound(`Indicator ${code} is not in the reviewed version`)
  const issues: Issue[] = Object.keys(body.ratings)
    .filter((criterion) => !(review.criteria as string[]).includes(criterion))
    .map((criterion) => ({ path: `body.ratings.${criterion}`, message: `This review does not rate ${criterion}` }))
  const mergeInto = body.proposal === 'merge' ? body.mergeInto : null
  if (mergeInto !== null && (mergeInto === code || !codes.has(mergeInto)))
    issues.push({
      path: 'body.mergeInto',
      message:
        mergeInto === code
          ? 'An indicator cannot merge into itself'
          : `Indicator ${mergeInto} is not in the reviewed version`,
    })
  if (issues.length) throw validationFailed(issues)

  const round = review.row.currentRound
  const existing = await trx
    .selectFrom('reviewResponses')
    .select(['id', 'version'])
    .where('participantId', '=', participant.id)
    .where('round', '=', round)
    .where('indicatorCode', '=', code)
    .executeTakeFirst()
  assertVersion(existing?.version ?? 0, body.version)
  const fields = {
    ratings: toJson(body.ratings),
    proposal: body.proposal,
    mergeInto,
    moveTo: body.proposal === 'move' ? body.moveTo : null,
    comment: body.comment || null,
    updatedAt: nowIso(),
  }
  const id = existing?.id ?? newId()
  if (existing) {
    const res = await trx
      .updateTable('reviewResponses')
      .set({ ...fields, version: existing.version + 1 })
      .where('id', '=', id)
      .where('version', '=', existing.version)
      .executeTakeFirst()
    assertOneRowUpdated(res)
  } else {
    await trx
      .insertInto('reviewResponses')
      .values({
        ...fields,
        id,
        reviewId: review.row.id,
        participantId: participant.id,
        round,
        indicatorCode: code,
        version: 1,
      })
      .execute()
  }
  // Who saved, in which review and round; not the indicator, the response or the ratings, which could be matched with
  // the pseudonymous ratings coordinators see.
  await recordAudit(trx, ctx, {
    action: 'review.responseSaved',
    subjectType: 'review',
    subjectId: review.row.id,
    countryCode: participant.countryCode,
    after: { round },
  })
}
