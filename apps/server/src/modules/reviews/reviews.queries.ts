import {
  type LocalizedText,
  type ParticipantRole,
  type Ratings,
  REVIEW_CRITERIA,
  type ReviewCriterion,
  type ReviewDecisionKind,
  type ReviewProposal,
  type ReviewResponse,
  type ReviewStatus,
  type Topic,
} from '@thbm/shared'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { parseJson, toBool } from '../../db/portable.ts'
import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { authorize, can } from '../../policies.ts'
import type { ReviewSubject } from './reviews.policy.ts'

type Db = Database | Trx
export type ReviewRow = DB['reviews']

export interface ReviewRound {
  number: number
  openedAt: string
  closedAt: string | null
}

export interface LoadedParticipant {
  id: string
  userId: string
  name: string
  email: string
  countryCode: string
  role: ParticipantRole
  named: boolean
  pseudonym: number | null
}

export interface LoadedReview {
  row: ReviewRow
  status: ReviewStatus
  criteria: ReviewCriterion[]
  schedule: (string | null)[]
  rounds: ReviewRound[]
  participants: LoadedParticipant[]
}

export interface LoadedResponse extends ReviewResponse {
  id: string
  participantId: string
  round: number
  version: number
}

export interface LoadedDecision {
  code: string
  decision: ReviewDecisionKind
  mergeInto: string | null
  newTitle: LocalizedText | null
  moveTo: Topic | null
  rationale: string
  decidedAt: string
  version: number
}

const CriteriaList = z.array(z.enum(REVIEW_CRITERIA)).catch([])
const RoundsList = z
  .array(z.object({ number: z.number(), openedAt: z.string(), closedAt: z.string().nullable() }))
  .catch([])

export const subjectOf = (review: LoadedReview): ReviewSubject => ({
  participantUserIds: review.participants.map((p) => p.userId),
})

/** The actor's own participation in the review, if any. */
export const participantOf = (review: LoadedReview, actor: Actor): LoadedParticipant | undefined =>
  review.participants.find((p) => p.userId === actor.id)

export async function loadReview(db: Db, id: string): Promise<LoadedReview | null> {
  const row = await db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return null
  const participants = await db
    .selectFrom('reviewParticipants')
    .innerJoin('users', 'users.id', 'reviewParticipants.userId')
    .select([
      'reviewParticipants.id',
      'reviewParticipants.userId',
      'reviewParticipants.countryCode',
      'reviewParticipants.role',
      'reviewParticipants.named',
      'reviewParticipants.pseudonym',
      'users.name',
      'users.email',
    ])
    .where('reviewParticipants.reviewId', '=', id)
    .orderBy('reviewParticipants.countryCode')
    .orderBy('users.name')
    .execute()
  return {
    row,
    status: row.status as ReviewStatus,
    criteria: CriteriaList.parse(parseJson(row.criteria, [])),
    schedule: parseJson<(string | null)[]>(row.schedule, []),
    rounds: RoundsList.parse(parseJson(row.rounds, [])),
    participants: participants.map((p) => ({
      ...p,
      role: p.role as ParticipantRole,
      named: toBool(p.named),
    })),
  }
}

/** The review, or 404 when it does not exist or the actor neither runs reviews nor takes part in this one. */
export async function getReviewOrThrow(db: Db, actor: Actor, id: string): Promise<LoadedReview> {
  const review = await loadReview(db, id)
  if (!review || !can(actor, 'review.read', subjectOf(review))) throw notFound('Review not found')
  return review
}

/** For coordinators only: the review, or 404 to participants and everyone else (for reads that could show ratings). */
export async function getManagedReviewOrThrow(db: Db, actor: Actor, id: string): Promise<LoadedReview> {
  const review = await getReviewOrThrow(db, actor, id)
  if (!can(actor, 'review.manage', subjectOf(review))) throw notFound('Review not found')
  return review
}

/** The review a coordinator changes: 404 when the review is not visible, 403 to participants. */
export async function getReviewToManage(db: Db, actor: Actor, id: string): Promise<LoadedReview> {
  const review = await getReviewOrThrow(db, actor, id)
  authorize(actor, 'review.manage', subjectOf(review))
  return review
}

/** The review and the actor's participation, for their own work: 404 when not visible, 403 to non-participants. */
export async function getReviewToRespond(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ review: LoadedReview; participant: LoadedParticipant }> {
  const review = await getReviewOrThrow(db, actor, id)
  authorize(actor, 'review.respond', subjectOf(review))
  return { review, participant: participantOf(review, actor) as LoadedParticipant }
}

/** The review as it is inside the transaction, so a round closed meanwhile is seen; 404 when it is gone. */
export async function freshReviewOrThrow(trx: Trx, id: string): Promise<LoadedReview> {
  const review = await loadReview(trx, id)
  if (!review) throw notFound('Review not found')
  return review
}

/** Reviews the actor may see: all of them for those who run reviews, otherwise those they take part in. */
export async function listReviewRows(db: Db, actor: Actor, all: boolean): Promise<ReviewRow[]> {
  let q = db.selectFrom('reviews').selectAll('reviews')
  if (!all)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('reviewParticipants')
          .select('reviewParticipants.id')
          .whereRef('reviewParticipants.reviewId', '=', 'reviews.id')
          .where('reviewParticipants.userId', '=', actor.id),
      ),
    )
  return q.orderBy('reviews.createdAt', 'desc').execute()
}

const RatingsValue = z.record(z.string(), z.number()).catch({})

/** Responses of a review (optionally of some rounds or one participant), ratings parsed. */
export async function loadResponses(
  db: Db,
  reviewId: string,
  filter: { rounds?: number[]; participantId?: string } = {},
): Promise<LoadedResponse[]> {
  let q = db.selectFrom('reviewResponses').selectAll().where('reviewId', '=', reviewId)
  if (filter.rounds) {
    if (filter.rounds.length === 0) return []
    q = q.where('round', 'in', filter.rounds)
  }
  if (filter.participantId) q = q.where('participantId', '=', filter.participantId)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    participantId: r.participantId,
    round: r.round,
    code: r.indicatorCode,
    ratings: RatingsValue.parse(parseJson(r.ratings, {})) as Ratings,
    proposal: r.proposal as ReviewProposal | null,
    mergeInto: r.mergeInto,
    moveTo: r.moveTo as Topic | null,
    comment: r.comment,
    version: r.version,
  }))
}

/** How many indicators each participant responded to in a round. */
export async function responseCounts(db: Db, reviewId: string, round: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('reviewResponses')
    .select((eb) => ['participantId', eb.fn.countAll<number>().as('n')])
    .where('reviewId', '=', reviewId)
    .where('round', '=', round)
    .groupBy('participantId')
    .execute()
  return new Map(rows.map((r) => [r.participantId, Number(r.n)]))
}

export async function loadDecisions(db: Db, reviewId: string): Promise<Map<string, LoadedDecision>> {
  const rows = await db.selectFrom('reviewDecisions').selectAll().where('reviewId', '=', reviewId).execute()
  return new Map(
    rows.map((r) => [
      r.indicatorCode,
      {
        code: r.indicatorCode,
        decision: r.decision as ReviewDecisionKind,
        mergeInto: r.mergeInto,
        newTitle: r.newTitle === null ? null : parseJson<LocalizedText>(r.newTitle, {}),
        moveTo: r.moveTo as Topic | null,
        rationale: r.rationale,
        decidedAt: r.decidedAt,
        version: r.version,
      },
    ]),
  )
}
