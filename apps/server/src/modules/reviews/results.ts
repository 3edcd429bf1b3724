import {
  type AnonymousRatings,
  type CriterionStats,
  type GroupDistribution,
  type ReviewCriterion,
  type ReviewResults,
  rankByMedians,
  ratingStats,
  stability,
  tallyProposals,
} from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { validationFailed } from '../../errors.ts'
import type { LoadedVersion } from '../frameworks/frameworks.queries.ts'
import { type LoadedResponse, type LoadedReview, loadResponses } from './reviews.queries.ts'

type Indicator = LoadedVersion['indicators'][number]

const valuesOf = (responses: LoadedResponse[], criterion: ReviewCriterion): number[] =>
  responses.flatMap((r) => (r.ratings[criterion] === undefined ? [] : [r.ratings[criterion] as number]))

function criteriaStats(responses: LoadedResponse[], review: LoadedReview): CriterionStats[] {
  return review.criteria.map((criterion) => ({
    criterion,
    ...ratingStats(valuesOf(responses, criterion), review.row.consensusIqr),
  }))
}

/** The anonymous distribution of one indicator's responses in one round: no one's rating, only counts and quartiles. */
export function groupDistribution(review: LoadedReview, round: number, responses: LoadedResponse[]): GroupDistribution {
  return {
    round,
    respondents: responses.length,
    criteria: criteriaStats(responses, review),
    proposals: tallyProposals(responses),
  }
}

/** Groups responses by indicator code. */
export function byCode(responses: LoadedResponse[]): Map<string, LoadedResponse[]> {
  const out = new Map<string, LoadedResponse[]>()
  for (const r of responses) out.set(r.code, [...(out.get(r.code) ?? []), r])
  return out
}

/** The round asked for, or the current one (round 1 before any opened); 400 for a round the review has not had. */
export function pickRound(review: LoadedReview, asked: number | undefined): number {
  const last = Math.max(1, review.row.currentRound)
  if (asked !== undefined && asked > last)
    throw validationFailed([
      { path: 'querystring.round', message: `The review has had ${review.row.currentRound} round(s)` },
    ])
  return asked ?? last
}

function ratingsByParticipant(responses: LoadedResponse[], criterion: ReviewCriterion): Map<string, number> {
  const out = new Map<string, number>()
  for (const r of responses) {
    const value = r.ratings[criterion]
    if (value !== undefined) out.set(r.participantId, value)
  }
  return out
}

/**
 * Results of a round for the coordinator: per indicator and criterion the median, quartiles, consensus and counts,
 * overall and by country; proposal tallies; the ranking; and stability against the previous round.
 */
export async function computeResults(
  db: Database,
  review: LoadedReview,
  version: LoadedVersion,
  round: number,
): Promise<ReviewResults> {
  const responses = await loadResponses(db, review.row.id, { rounds: round > 1 ? [round - 1, round] : [round] })
  const current = byCode(responses.filter((r) => r.round === round))
  const previous = byCode(responses.filter((r) => r.round === round - 1))
  const countryOf = new Map(review.participants.map((p) => [p.id, p.countryCode]))
  const countries = [...new Set(review.participants.map((p) => p.countryCode))].sort()
  const respondedIds = new Set(responses.filter((r) => r.round === round).map((r) => r.participantId))

  const indicators = version.indicators.map((ind: Indicator) => {
    const list = current.get(ind.code) ?? []
    const before = previous.get(ind.code) ?? []
    return {
      code: ind.code,
      area: ind.area,
      title: ind.title,
      core: ind.core,
      topics: ind.topics,
      respondents: list.length,
      overall: criteriaStats(list, review),
      byCountry: countries
        .map((countryCode) => ({
          countryCode,
          criteria: criteriaStats(
            list.filter((r) => countryOf.get(r.participantId) === countryCode),
            review,
          ),
        }))
        .filter((c) => c.criteria.some((s) => s.n > 0)),
      proposals: tallyProposals(list),
      stability:
        round > 1
          ? review.criteria.map((criterion) => ({
              criterion,
              ...stability(ratingsByParticipant(before, criterion), ratingsByParticipant(list, criterion)),
            }))
          : null,
    }
  })
  const ranking = rankByMedians(indicators.map((i) => ({ code: i.code, medians: i.overall.map((s) => s.median) })))
  const rankOf = new Map(ranking.map((code, i) => [code, i + 1]))
  const withData = await db
    .selectFrom('reviewResponses')
    .select('round')
    .distinct()
    .where('reviewId', '=', review.row.id)
    .orderBy('round')
    .execute()
  return {
    round,
    rounds: withData.map((r) => r.round),
    criteria: review.criteria,
    consensusIqr: review.row.consensusIqr,
    participation: {
      invited: review.participants.length,
      responded: respondedIds.size,
      byCountry: countries.map((countryCode) => {
        const here = review.participants.filter((p) => p.countryCode === countryCode)
        return {
          countryCode,
          invited: here.length,
          responded: here.filter((p) => respondedIds.has(p.id)).length,
        }
      }),
    },
    indicators: indicators.map((i) => ({ ...i, rank: rankOf.get(i.code) ?? 0 })),
    ranking,
  }
}

/**
 * Each participant's responses in a round as the coordinator may see them: under the pseudonym and country, with a
 * name only for those who agreed; no ids, no times (which could be matched with the audit log), in pseudonym order.
 */
export async function anonymousRatings(
  db: Database,
  review: LoadedReview,
  version: LoadedVersion,
  round: number,
): Promise<AnonymousRatings> {
  const responses = await loadResponses(db, review.row.id, { rounds: [round] })
  const order = new Map(version.indicators.map((i, n) => [i.code, n]))
  const participants = review.participants
    .filter((p) => p.pseudonym !== null)
    .sort((a, b) => (a.pseudonym as number) - (b.pseudonym as number))
    .map((p) => ({
      pseudonym: p.pseudonym as number,
      countryCode: p.countryCode,
      name: p.named ? p.name : null,
      responses: responses
        .filter((r) => r.participantId === p.id)
        .sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0))
        .map(({ code, ratings, proposal, mergeInto, moveTo, comment }) => ({
          code,
          ratings,
          proposal,
          mergeInto,
          moveTo,
          comment,
        })),
    }))
  return { round, participants }
}
