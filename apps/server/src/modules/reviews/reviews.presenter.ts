import type { ReviewDetail, ReviewStatus, ReviewSummary } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { can } from '../../policies.ts'
import { type LoadedReview, participantOf, type ReviewRow, responseCounts, subjectOf } from './reviews.queries.ts'

async function versionRefs(db: Database, ids: string[]) {
  if (ids.length === 0) return new Map<string, ReviewSummary['frameworkVersion']>()
  const rows = await db
    .selectFrom('frameworkVersions')
    .innerJoin('frameworks', 'frameworks.id', 'frameworkVersions.frameworkId')
    .select(['frameworkVersions.id', 'frameworkVersions.label', 'frameworks.code as frameworkCode'])
    .where('frameworkVersions.id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r]))
}

function summary(row: ReviewRow, ref: ReviewSummary['frameworkVersion'] | undefined, runs: boolean): ReviewSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status as ReviewStatus,
    currentRound: row.currentRound,
    roundOpen: row.roundOpen === 1,
    frameworkVersion: ref ?? { id: row.frameworkVersionId, label: '', frameworkCode: '' },
    generatedVersionId: row.generatedVersionId,
    createdAt: row.createdAt,
    myPart: runs ? 'coordinator' : 'participant',
  }
}

export async function presentSummaries(db: Database, actor: Actor, rows: ReviewRow[]): Promise<ReviewSummary[]> {
  const refs = await versionRefs(
    db,
    rows.map((r) => r.frameworkVersionId),
  )
  const runs = can(actor, 'review.create', null)
  return rows.map((r) => summary(r, refs.get(r.frameworkVersionId), runs))
}

/** What the actor may do next, for the web app to show or hide controls. */
function abilities(actor: Actor, review: LoadedReview): string[] {
  const { status } = review
  const open = review.row.roundOpen === 1
  const generated = review.row.generatedVersionId !== null
  const out: string[] = []
  if (can(actor, 'review.manage', subjectOf(review))) {
    if (status !== 'closed') out.push('review.edit', 'review.manageParticipants')
    if (status !== 'closed' && !open && review.participants.length > 0) out.push('review.openRound')
    if (status === 'open' && open) out.push('review.closeRound')
    if (status === 'open') out.push('review.close')
    out.push('review.readResults')
    if (status !== 'draft' && !generated) out.push('review.decide')
    if (status === 'closed' && !generated) out.push('review.generate')
  }
  if (can(actor, 'review.respond', subjectOf(review))) {
    out.push('review.consent')
    if (status === 'open' && open) out.push('review.respond')
  }
  return out
}

/**
 * A review as the actor may see it: coordinators get the participant list (who takes part, never next to ratings);
 * a participant gets only their own participation.
 */
export async function presentReview(db: Database, actor: Actor, review: LoadedReview): Promise<ReviewDetail> {
  const refs = await versionRefs(db, [review.row.frameworkVersionId])
  const runs = can(actor, 'review.manage', subjectOf(review))
  const counts = await responseCounts(db, review.row.id, review.row.currentRound)
  const indicatorCount = await db
    .selectFrom('indicators')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('versionId', '=', review.row.frameworkVersionId)
    .where('adaptationId', 'is', null)
    .executeTakeFirstOrThrow()
  const mine = participantOf(review, actor)
  return {
    ...summary(review.row, refs.get(review.row.frameworkVersionId), runs),
    description: review.row.description,
    criteria: review.criteria,
    consensusIqr: review.row.consensusIqr,
    schedule: review.schedule,
    rounds: review.rounds,
    indicatorCount: Number(indicatorCount.n),
    me: mine
      ? {
          id: mine.id,
          countryCode: mine.countryCode,
          role: mine.role,
          named: mine.named,
          respondedInRound: counts.get(mine.id) ?? 0,
        }
      : null,
    participants: runs
      ? review.participants.map((p) => ({
          id: p.id,
          userId: p.userId,
          name: p.name,
          email: p.email,
          countryCode: p.countryCode,
          role: p.role,
          named: p.named,
          responded: (counts.get(p.id) ?? 0) > 0,
        }))
      : null,
    version: review.row.version,
    abilities: abilities(actor, review),
  }
}
