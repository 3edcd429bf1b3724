import { type FollowUpStatus, type Implementation, implementationRate, RECOMMENDATION_PRIORITIES } from '@thbm/shared'
import type { Database } from '../../db/database.ts'
import { listRecommendations, presentRecommendations } from './recommendations.queries.ts'

/**
 * Implementation rates of a country's recommendations by the shared method ((fully + ½ partially) / counted, "no
 * longer relevant" not counted): per round over the statuses recorded in it, and per priority over each
 * recommendation's latest status.
 */
export async function implementationOf(db: Database, countryCode: string): Promise<Implementation> {
  const recs = await presentRecommendations(db, await listRecommendations(db, countryCode))
  const rounds = new Map<
    string,
    { round: { id: string; name: string; periodTo: string }; statuses: FollowUpStatus[] }
  >()
  for (const r of recs)
    for (const f of r.followUps) {
      const entry = rounds.get(f.round.id) ?? { round: f.round, statuses: [] }
      entry.statuses.push(f.status)
      rounds.set(f.round.id, entry)
    }
  return {
    countryCode,
    byRound: [...rounds.values()]
      .sort((a, b) => a.round.periodTo.localeCompare(b.round.periodTo))
      .map((e) => ({ round: e.round, ...implementationRate(e.statuses) })),
    byPriority: RECOMMENDATION_PRIORITIES.map((priority) => ({
      priority,
      ...implementationRate(
        recs.filter((r) => r.priority === priority && r.latestStatus).map((r) => r.latestStatus as FollowUpStatus),
      ),
    })),
  }
}
