import {
  EvidenceInputSchema,
  type FollowUpStatus,
  type Recommendation,
  type RecommendationPriority,
  type RecommendationSource,
} from '@thbm/shared'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { parseJson } from '../../db/portable.ts'
import type { DB } from '../../db/schema.ts'
import type { Trx } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { can } from '../../policies.ts'

type Db = Database | Trx
export type RecommendationRow = DB['recommendations']

// Schemas are built once: building one costs far more than parsing with it.
const StringList = z.array(z.string()).catch([])
const EvidenceList = z.array(EvidenceInputSchema).catch([])
const strings = (json: string) => StringList.parse(parseJson(json, []))

export async function getRecommendationOrThrow(db: Db, actor: Actor, id: string): Promise<RecommendationRow> {
  const row = await db.selectFrom('recommendations').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || !can(actor, 'recommendation.read', { countryCode: row.countryCode }))
    throw notFound('Recommendation not found')
  return row
}

/** Recommendations with the round that issued each and their whole follow-up history, oldest round first. */
export async function presentRecommendations(db: Db, rows: RecommendationRow[]): Promise<Recommendation[]> {
  if (rows.length === 0) return []
  const followUps = await db
    .selectFrom('followUps')
    .innerJoin('rounds', 'rounds.id', 'followUps.roundId')
    .leftJoin('users', 'users.id', 'followUps.updatedBy')
    .select([
      'followUps.id',
      'followUps.recommendationId',
      'followUps.status',
      'followUps.comment',
      'followUps.evidence',
      'followUps.response',
      'followUps.updatedAt',
      'followUps.updatedBy',
      'followUps.version',
      'users.name as updatedByName',
      'rounds.id as roundId',
      'rounds.name as roundName',
      'rounds.periodTo',
    ])
    .where(
      'followUps.recommendationId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('rounds.periodTo')
    .execute()
  const rounds = await db
    .selectFrom('rounds')
    .select(['id', 'name', 'periodTo'])
    .where('id', 'in', [...new Set(rows.map((r) => r.issuedRoundId))])
    .execute()
  return rows.map((r) => {
    const history = followUps
      .filter((f) => f.recommendationId === r.id)
      .map((f) => ({
        id: f.id,
        round: { id: f.roundId, name: f.roundName, periodTo: f.periodTo },
        status: f.status as FollowUpStatus,
        comment: f.comment,
        evidence: EvidenceList.parse(parseJson(f.evidence, [])),
        response: f.response,
        updatedAt: f.updatedAt,
        updatedBy: f.updatedBy && f.updatedByName ? { id: f.updatedBy, name: f.updatedByName } : null,
        version: f.version,
      }))
    const issued = rounds.find((x) => x.id === r.issuedRoundId)
    return {
      id: r.id,
      countryCode: r.countryCode,
      issuedIn: { id: r.issuedRoundId, name: issued?.name ?? '', periodTo: issued?.periodTo ?? '' },
      text: r.text,
      institutions: strings(r.institutions),
      areaCodes: strings(r.areaCodes),
      indicatorCodes: strings(r.indicatorCodes),
      priority: r.priority as RecommendationPriority,
      source: r.source as RecommendationSource,
      createdAt: r.createdAt,
      version: r.version,
      followUps: history,
      latestStatus: history.at(-1)?.status ?? null,
    }
  })
}

/** A country's recommendations, oldest first (optionally those issued in one round). */
export async function listRecommendations(
  db: Db,
  countryCode: string,
  issuedIn?: string,
): Promise<RecommendationRow[]> {
  let q = db
    .selectFrom('recommendations')
    .innerJoin('rounds', 'rounds.id', 'recommendations.issuedRoundId')
    .selectAll('recommendations')
    .where('recommendations.countryCode', '=', countryCode)
  if (issuedIn) q = q.where('recommendations.issuedRoundId', '=', issuedIn)
  return q.orderBy('rounds.periodTo').orderBy('recommendations.createdAt').execute()
}

/**
 * Recommendations a round must follow up for a country: issued in an earlier round (by reference period) and not
 * closed (fully implemented or no longer relevant) before this round.
 */
export async function carriedOver(db: Db, round: { id: string; periodTo: string }, countryCode: string) {
  const rows = await db
    .selectFrom('recommendations')
    .innerJoin('rounds', 'rounds.id', 'recommendations.issuedRoundId')
    .selectAll('recommendations')
    .where('recommendations.countryCode', '=', countryCode)
    .where('rounds.periodTo', '<', round.periodTo)
    .orderBy('rounds.periodTo')
    .orderBy('recommendations.createdAt')
    .execute()
  const presented = await presentRecommendations(db, rows)
  return presented.filter((r) => {
    const before = r.followUps.filter((f) => f.round.periodTo < round.periodTo).at(-1)
    return before?.status !== 'fully_implemented' && before?.status !== 'no_longer_relevant'
  })
}
