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
import { actorOf } from '../../http/auth.ts'
import { authorize, can } from '../../policies.ts'
import { getRoundOrThrow } from '../rounds/rounds.queries.ts'
import { countryProfile, indicatorExplorer, roundOverview } from './dashboards.queries.ts'

const mayReview = (actor: Actor, countryCode: string) =>
  can(actor, 'assessment.review', { countryCode, expertId: null })

/** Dashboards: a country's profile, a round's regional overview, and one indicator across countries and rounds. */
export const dashboardsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['dashboards']

  app.get(
    '/api/countries/:code/profile',
    {
      schema: {
        tags,
        params: z.object({ code: CountryCodeSchema }),
        response: { 200: z.object({ data: CountryProfileSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      authorize(actor, 'dashboard.read', null)
      if (!can(actor, 'report.readNational', { countryCode: request.params.code })) throw notFound('Country not found')
      const profile = await countryProfile(app.db, request.params.code)
      // Provisional scores include submitted, not yet validated (possibly blind) scores: for reviewers only.
      if (!mayReview(actor, request.params.code))
        for (const round of profile.rounds) for (const area of round.areas) area.provisionalScore = null
      return { data: profile }
    },
  )

  app.get(
    '/api/rounds/:roundId/overview',
    { schema: { tags, params: RoundParamsSchema, response: { 200: z.object({ data: RoundOverviewSchema }) } } },
    async (request) => {
      const actor = actorOf(request)
      const round = await getRoundOrThrow(app.db, actor, request.params.roundId)
      authorize(actor, 'dashboard.read', null)
      const overview = await roundOverview(app.db, actor, round, new Date().toISOString().slice(0, 10))
      for (const country of overview.countries)
        if (!mayReview(actor, country.code)) for (const area of country.areaScores) area.provisionalScore = null
      return { data: overview }
    },
  )

  app.get(
    '/api/indicators/explorer',
    {
      schema: {
        tags,
        querystring: IndicatorExplorerQuerySchema,
        response: { 200: z.object({ data: IndicatorExplorerSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      authorize(actor, 'dashboard.read', null)
      return { data: await indicatorExplorer(app.db, actor, request.query.code, request.query.versionId) }
    },
  )
}
