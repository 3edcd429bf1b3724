import type { FollowUpBody, RecommendationInput, UpdateRecommendationBody } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import { toJson } from '../../db/portable.ts'
import type { Trx } from '../../db/transaction.ts'
import { assertOneRowUpdated, assertVersion, invalidState, validationFailed } from '../../errors.ts'
import { newId, nowIso } from '../../ids.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { LoadedRound } from '../rounds/rounds.queries.ts'
import type { RecommendationRow } from './recommendations.queries.ts'

const OPEN = new Set(['planning', 'collecting', 'reviewing'])

function assertOpen(round: LoadedRound, what: string): void {
  if (!OPEN.has(round.row.status))
    throw invalidState(`The round is ${round.row.status}; ${what} can be changed only before publication`)
}

/** Issues a recommendation to a country in a round that is not published yet. */
export async function createRecommendation(
  trx: Trx,
  req: RequestContext,
  round: LoadedRound,
  countryCode: string,
  input: RecommendationInput,
): Promise<string> {
  assertOpen(round, 'its recommendations')
  const id = newId()
  const now = nowIso()
  await trx
    .insertInto('recommendations')
    .values({
      id,
      countryCode,
      issuedRoundId: round.row.id,
      text: input.text,
      institutions: toJson(input.institutions),
      areaCodes: toJson(input.areaCodes),
      indicatorCodes: toJson(input.indicatorCodes),
      priority: input.priority,
      source: input.source,
      createdBy: req.actor?.id ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute()
  await recordAudit(trx, req, {
    action: 'recommendation.created',
    subjectType: 'recommendation',
    subjectId: id,
    countryCode,
    after: { round: round.row.id, priority: input.priority, source: input.source, text: input.text },
  })
  return id
}

/** Edits a recommendation while the round that issued it is not published. */
export async function updateRecommendation(
  trx: Trx,
  req: RequestContext,
  row: RecommendationRow,
  issuedIn: LoadedRound,
  body: UpdateRecommendationBody,
): Promise<void> {
  assertOpen(issuedIn, 'its recommendations')
  assertVersion(row.version, body.version)
  const { version: _v, ...changes } = body
  const set = {
    ...(changes.text !== undefined && { text: changes.text }),
    ...(changes.institutions && { institutions: toJson(changes.institutions) }),
    ...(changes.areaCodes && { areaCodes: toJson(changes.areaCodes) }),
    ...(changes.indicatorCodes && { indicatorCodes: toJson(changes.indicatorCodes) }),
    ...(changes.priority && { priority: changes.priority }),
    ...(changes.source && { source: changes.source }),
  }
  const res = await trx
    .updateTable('recommendations')
    .set({ ...set, updatedAt: nowIso(), version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', body.version)
    .executeTakeFirst()
  assertOneRowUpdated(res)
  await recordAudit(trx, req, {
    action: 'recommendation.updated',
    subjectType: 'recommendation',
    subjectId: row.id,
    countryCode: row.countryCode,
    before: { text: row.text, priority: row.priority },
    after: changes,
  })
}

/**
 * Records (or changes) a recommendation's follow-up status in a later round that includes its country. A round at or
 * before the one that issued it cannot follow it up.
 */
export async function recordFollowUp(
  trx: Trx,
  req: RequestContext,
  row: RecommendationRow,
  issuedIn: LoadedRound,
  round: LoadedRound,
  body: FollowUpBody,
): Promise<void> {
  if (!round.countries.includes(row.countryCode))
    throw validationFailed([
      { path: 'params.roundId', message: "This round does not cover the recommendation's country" },
    ])
  if (round.row.periodTo <= issuedIn.row.periodTo)
    throw validationFailed([
      { path: 'params.roundId', message: 'A recommendation is followed up in a round after the one that issued it' },
    ])
  assertOpen(round, 'follow-up statuses')
  const existing = await trx
    .selectFrom('followUps')
    .selectAll()
    .where('recommendationId', '=', row.id)
    .where('roundId', '=', round.row.id)
    .executeTakeFirst()
  assertVersion(existing?.version ?? 0, body.version)
  const fields = {
    status: body.status,
    comment: body.comment,
    evidence: toJson(body.evidence),
    response: body.response,
    updatedBy: req.actor?.id ?? null,
    updatedAt: nowIso(),
  }
  const id = existing?.id ?? newId()
  if (existing) {
    const res = await trx
      .updateTable('followUps')
      .set({ ...fields, version: existing.version + 1 })
      .where('id', '=', id)
      .where('version', '=', existing.version)
      .executeTakeFirst()
    assertOneRowUpdated(res)
  } else {
    await trx
      .insertInto('followUps')
      .values({ ...fields, id, recommendationId: row.id, roundId: round.row.id, version: 1 })
      .execute()
  }
  await recordAudit(trx, req, {
    action: 'followUp.recorded',
    subjectType: 'recommendation',
    subjectId: row.id,
    countryCode: row.countryCode,
    before: existing ? { status: existing.status } : undefined,
    after: { round: round.row.id, status: body.status, comment: body.comment },
  })
}
