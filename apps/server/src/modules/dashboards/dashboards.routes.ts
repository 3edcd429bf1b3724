import {
  CountryCodeSchema,
  CountryProfileSchema,
  IndicatorExplorerQuerySchema,
  IndicatorExplorerSchema,
  RoundOverviewSchema,
  RoundParamsSchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { notFound } from '../../errors.ts'
import { actorOf, dataGenerationOf } from '../../http/auth.ts'
import { authorize, can } from '../../policies.ts'
import { type LoadedRound, loadRound } from '../rounds/rounds.queries.ts'
import { countryProfile, indicatorExplorer, roundOverview } from './dashboards.queries.ts'
import { bodyCache, jsonBody, membershipsKey, ReadCache, sendCached } from './read-cache.ts'

const mayReview = (actor: Actor, countryCode: string) =>
  can(actor, 'assessment.review', { countryCode, expertId: null })

const Profile = z.object({ data: CountryProfileSchema })
const Overview = z.object({ data: RoundOverviewSchema })
const Explorer = z.object({ data: IndicatorExplorerSchema })

/** Most bytes of serialised dashboards kept per process (a country profile of 20 rounds is a few MB). */
const CACHE_BYTES = 64 * 1024 * 1024

/**
 * Dashboards: a country's profile, a round's regional overview, and one indicator across countries and rounds.
 * Each response is computed once per data generation and what it depends on (country, round, day, the reader's
 * memberships), serialised as the response schema would, and sent from the cache until the next write.
 */
export const dashboardsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['dashboards']
  const cache = bodyCache(CACHE_BYTES)
  const rounds = new ReadCache<LoadedRound | null>(1000, () => 1)

  app.get(
    '/api/countries/:code/profile',
    {
      schema: {
        tags,
        params: z.object({ code: CountryCodeSchema }),
        response: { 200: Profile },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { code } = request.params
      authorize(actor, 'dashboard.read', null)
      if (!can(actor, 'report.readNational', { countryCode: code })) throw notFound('Country not found')
      const reviewer = mayReview(actor, code)
      const body = await cache.get(await dataGenerationOf(request), `profile|${code}|${reviewer}`, async () => {
        const profile = await countryProfile(app.db, code)
        // Provisional scores include submitted, not yet validated (possibly blind) scores: for reviewers only.
        if (!reviewer) for (const round of profile.rounds) for (const area of round.areas) area.provisionalScore = null
        return jsonBody(JSON.stringify(z.encode(Profile, { data: profile })))
      })
      return sendCached(request, reply, body)
    },
  )

  app.get(
    '/api/rounds/:roundId/overview',
    { schema: { tags, params: RoundParamsSchema, response: { 200: Overview } } },
    async (request, reply) => {
      const actor = actorOf(request)
      const generation = await dataGenerationOf(request)
      const { roundId } = request.params
      const round = await rounds.get(generation, roundId, () => loadRound(app.db, roundId))
      if (!round || !can(actor, 'round.read', round)) throw notFound('Round not found')
      authorize(actor, 'dashboard.read', null)
      const today = new Date().toISOString().slice(0, 10)
      const body = await cache.get(generation, `overview|${roundId}|${today}|${membershipsKey(actor)}`, async () => {
        const overview = await roundOverview(app.db, actor, round, today)
        for (const country of overview.countries)
          if (!mayReview(actor, country.code)) for (const area of country.areaScores) area.provisionalScore = null
        return jsonBody(JSON.stringify(z.encode(Overview, { data: overview })))
      })
      return sendCached(request, reply, body)
    },
  )

  app.get(
    '/api/indicators/explorer',
    {
      schema: {
        tags,
        querystring: IndicatorExplorerQuerySchema,
        response: { 200: Explorer },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      authorize(actor, 'dashboard.read', null)
      const { code, versionId } = request.query
      const key = `explorer|${code}|${versionId ?? ''}|${membershipsKey(actor)}`
      const body = await cache.get(await dataGenerationOf(request), key, async () =>
        jsonBody(JSON.stringify(z.encode(Explorer, { data: await indicatorExplorer(app.db, actor, code, versionId) }))),
      )
      return sendCached(request, reply, body)
    },
  )
}
