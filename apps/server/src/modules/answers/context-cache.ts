import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import { notFound } from '../../errors.ts'
import { can } from '../../policies.ts'
import { ReadCache } from '../dashboards/read-cache.ts'
import { type LoadedRound, loadRound } from '../rounds/rounds.queries.ts'
import { type AnswerContext, loadAnswerContext } from './answer-context.ts'
import { earlierRound } from './previous-value.ts'
import { type AnsweringOrganisation, findAnsweringOrganisation } from './save-answer.ts'

/** Most rounds and indicator contexts kept per process (each a few small objects; the framework content is shared). */
const MAX_ENTRIES = 5000

const frozen = <T extends object>(value: T): T => Object.freeze(value)

/**
 * What the answer routes load before they read or write an answer: the round and the indicator's context in it (its
 * listing, framework content, assignments, the previous round to compare with) and the answering organisation. Kept per process for the setup generation they were read at
 * (db/generation.ts): only a change to rounds, frameworks, assignments or organisations moves it, saving answers
 * does not, so data entry loads them once. The actor's right to see the round and country is checked on every call,
 * as getRoundCountryOrThrow does, with the same answers.
 */
export class AnswerContextCache {
  private readonly rounds = new ReadCache<LoadedRound | null>(MAX_ENTRIES, () => 1)
  private readonly contexts = new ReadCache<AnswerContext>(MAX_ENTRIES, () => 1)
  private readonly organisations = new ReadCache<AnsweringOrganisation | undefined>(MAX_ENTRIES, () => 1)

  constructor(private readonly db: Database) {}

  async get(
    actor: Actor,
    generation: string,
    p: { roundId: string; country: string; code: string },
  ): Promise<AnswerContext> {
    const round = await this.rounds.get(generation, p.roundId, async () => {
      const loaded = await loadRound(this.db, p.roundId)
      return (
        loaded &&
        frozen({ row: frozen(loaded.row), countries: frozen(loaded.countries), manual: frozen(loaded.manual) })
      )
    })
    if (!round || !can(actor, 'round.read', round)) throw notFound('Round not found')
    if (!can(actor, 'roundCountry.read', { round, countryCode: p.country }))
      throw notFound('Country not found in this round')
    return this.contexts.get(generation, `${p.roundId}|${p.country}|${p.code}`, async () => {
      const ctx = await loadAnswerContext(this.db, round, p.country, p.code)
      const earlier = await earlierRound(this.db, ctx)
      return frozen({ ...ctx, assigned: frozen(ctx.assigned), earlier: earlier && frozen(earlier) })
    })
  }

  /** The answering organisation (saveAnswer checks it belongs to the country), for the same setup generation. */
  organisation(generation: string, id: string): Promise<AnsweringOrganisation | undefined> {
    return this.organisations.get(generation, id, async () => {
      const org = await findAnsweringOrganisation(this.db, id)
      return org && frozen(org)
    })
  }
}
