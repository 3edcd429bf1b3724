import type { MyResponses } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import type { LoadedVersion } from '../frameworks/frameworks.queries.ts'
import { byCode, groupDistribution } from './results.ts'
import { type LoadedParticipant, type LoadedResponse, type LoadedReview, loadResponses } from './reviews.queries.ts'

const plain = ({ code, ratings, proposal, mergeInto, moveTo, comment }: LoadedResponse) => ({
  code,
  ratings,
  proposal,
  mergeInto,
  moveTo,
  comment,
})

/**
 * A participant's workspace for the current round: each indicator with their own response (none until they save:
 * nothing is carried over silently), and from round 2 their own previous response next to the group's anonymous
 * distribution of the previous round.
 */
export async function myResponses(
  db: Database,
  review: LoadedReview,
  participant: LoadedParticipant,
  version: LoadedVersion,
): Promise<MyResponses> {
  const round = review.row.currentRound
  const earlier = round > 1 ? round - 1 : null
  const responses = await loadResponses(db, review.row.id, { rounds: earlier ? [earlier, round] : [round] })
  const mine = responses.filter((r) => r.participantId === participant.id)
  const own = new Map(mine.filter((r) => r.round === round).map((r) => [r.code, r]))
  const ownBefore = new Map(mine.filter((r) => r.round === earlier).map((r) => [r.code, r]))
  const group = byCode(responses.filter((r) => r.round === earlier))
  return {
    round,
    roundOpen: review.status === 'open' && review.row.roundOpen === 1,
    criteria: review.criteria,
    indicators: version.indicators.map((ind) => {
      const response = own.get(ind.code)
      const before = ownBefore.get(ind.code)
      return {
        code: ind.code,
        area: ind.area,
        title: ind.title,
        definition: ind.definition,
        core: ind.core,
        topics: ind.topics,
        response: response ? { ...plain(response), version: response.version } : null,
        previous: before ? plain(before) : null,
        group: earlier ? groupDistribution(review, earlier, group.get(ind.code) ?? []) : null,
      }
    }),
  }
}
