import type { CreateReviewBody, UpdateReviewBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { LoadedReview } from './reviews.queries.ts'

/** Starts a review (a draft) of a published Handbook version. */
export async function createReview(trx: Trx, ctx: RequestContext, body: CreateReviewBody): Promise<string> {
  const version = await trx
    .selectFrom('frameworkVersions')
    .select(['id', 'label', 'status'])
    .where('id', '=', body.frameworkVersionId)
    .executeTakeFirst()
  if (!version)
    throw validationFailed([{ path: 'body.frameworkVersionId', message: 'There is no such Handbook version' }])
  if (version.status !== 'published')
    throw validationFailed([
      {
        path: 'body.frameworkVersionId',
        message: `Version ${version.label} is ${version.status}; review a published version`,
      },
    ])
  const id = newId()
  const now = nowIso()
  await trx
    .insertInto('reviews')
    .values({
      id,
      frameworkVersionId: version.id,
      title: body.title,
      description: body.description,
      status: 'draft',
      currentRound: 0,
      roundOpen: 0,
      criteria: toJson(body.criteria),
      consensusIqr: body.consensusIqr,
      schedule: toJson(body.schedule),
      rounds: toJson([]),
      generatedVersionId: null,
      createdBy: ctx.actor?.id ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute()
  await recordAudit(trx, ctx, {
    action: 'review.created',
    subjectType: 'review',
    subjectId: id,
    after: { title: body.title, version: version.label, criteria: body.criteria, consensusIqr: body.consensusIqr },
  })
  return id
}

/** Edits a review's title, description, schedule or consensus threshold; its criteria only while it is a draft. */
export async function updateReview(
  trx: Trx,
  ctx: RequestContext,
  review: LoadedReview,
  body: UpdateReviewBody,
): Promise<void> {
  assertVersion(review.row.version, body.version)
  const { version: _v, ...changes } = body
  if (changes.criteria && review.status !== 'draft')
    throw invalidState('The criteria cannot change once round 1 has opened', { status: review.status })
  if (review.status === 'closed' && (changes.schedule || changes.criteria))
    throw invalidState('The review is closed', { status: review.status })
  const res = await trx
    .updateTable('reviews')
    .set({
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.criteria && { criteria: toJson(changes.criteria) }),
      ...(changes.consensusIqr !== undefined && { consensusIqr: changes.consensusIqr }),
      ...(changes.schedule && { schedule: toJson(changes.schedule) }),
      updatedAt: nowIso(),
      version: review.row.version + 1,
    })
    .where('id', '=', review.row.id)
    .where('version', '=', body.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, ctx, {
    action: 'review.updated',
    subjectType: 'review',
    subjectId: review.row.id,
    before: { title: review.row.title, criteria: review.criteria, consensusIqr: review.row.consensusIqr },
    after: changes,
  })
}
