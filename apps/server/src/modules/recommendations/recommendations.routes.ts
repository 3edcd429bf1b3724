import {
  CountryCodeSchema,
  FollowUpBodySchema,
  FollowUpParamsSchema,
  ImplementationSchema,
  RecommendationInputSchema,
  RecommendationListQuerySchema,
  RecommendationParamsSchema,
  RecommendationSchema,
  RoundCountryParamsSchema,
  UpdateRecommendationBodySchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { withTransaction } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { authorize, can } from '../../policies.ts'
import { getRoundCountryOrThrow, getRoundOrThrow, loadRound } from '../rounds/rounds.queries.ts'
import { implementationOf } from './implementation.ts'
import {
  carriedOver,
  getRecommendationOrThrow,
  listRecommendations,
  presentRecommendations,
} from './recommendations.queries.ts'
import { createRecommendation, recordFollowUp, updateRecommendation } from './write-recommendation.ts'

const One = { 200: z.object({ data: RecommendationSchema }) }
const Many = { 200: z.object({ data: z.array(RecommendationSchema) }) }

export const recommendationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['recommendations']
  const one = async (actor: Actor, id: string) => {
    const [data] = await presentRecommendations(app.db, [await getRecommendationOrThrow(app.db, actor, id)])
    return { data: data as NonNullable<typeof data> }
  }
  const issuingRound = async (id: string) => {
    const round = await loadRound(app.db, id)
    if (!round) throw notFound('Round not found')
    return round
  }

  app.get(
    '/api/countries/:code/recommendations',
    {
      schema: {
        tags,
        params: z.object({ code: CountryCodeSchema }),
        querystring: RecommendationListQuerySchema,
        response: Many,
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { code } = request.params
      if (!can(actor, 'recommendation.read', { countryCode: code })) throw notFound('Country not found')
      return {
        data: await presentRecommendations(app.db, await listRecommendations(app.db, code, request.query.issuedIn)),
      }
    },
  )

  app.get(
    '/api/countries/:code/implementation',
    {
      schema: {
        tags,
        params: z.object({ code: CountryCodeSchema }),
        response: { 200: z.object({ data: ImplementationSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      if (!can(actor, 'recommendation.read', { countryCode: request.params.code })) throw notFound('Country not found')
      return { data: await implementationOf(app.db, request.params.code) }
    },
  )

  app.get(
    '/api/rounds/:roundId/countries/:country/follow-ups',
    { schema: { tags, params: RoundCountryParamsSchema, response: Many } },
    async (request) => {
      const actor = actorOf(request)
      const round = await getRoundCountryOrThrow(app.db, actor, request.params.roundId, request.params.country)
      authorize(actor, 'recommendation.read', { countryCode: request.params.country })
      return { data: await carriedOver(app.db, round.row, request.params.country) }
    },
  )

  app.post(
    '/api/rounds/:roundId/countries/:country/recommendations',
    {
      schema: { tags, params: RoundCountryParamsSchema, body: RecommendationInputSchema, response: { 201: One[200] } },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'recommendation.write', { countryCode: country })
      const id = await withTransaction(app.db, (trx) =>
        createRecommendation(trx, contextOf(request), round, country, request.body),
      )
      return reply.code(201).send(await one(actor, id))
    },
  )

  app.get(
    '/api/recommendations/:id',
    { schema: { tags, params: RecommendationParamsSchema, response: One } },
    async (request) => one(actorOf(request), request.params.id),
  )

  app.patch(
    '/api/recommendations/:id',
    { schema: { tags, params: RecommendationParamsSchema, body: UpdateRecommendationBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const row = await getRecommendationOrThrow(app.db, actor, request.params.id)
      authorize(actor, 'recommendation.write', { countryCode: row.countryCode })
      const issuedIn = await issuingRound(row.issuedRoundId)
      await withTransaction(app.db, (trx) => updateRecommendation(trx, contextOf(request), row, issuedIn, request.body))
      return one(actor, row.id)
    },
  )

  app.put(
    '/api/recommendations/:id/follow-ups/:roundId',
    { schema: { tags, params: FollowUpParamsSchema, body: FollowUpBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const row = await getRecommendationOrThrow(app.db, actor, request.params.id)
      authorize(actor, 'recommendation.write', { countryCode: row.countryCode })
      const round = await getRoundOrThrow(app.db, actor, request.params.roundId)
      const issuedIn = await issuingRound(row.issuedRoundId)
      await withTransaction(app.db, (trx) =>
        recordFollowUp(trx, contextOf(request), row, issuedIn, round, request.body),
      )
      return one(actor, row.id)
    },
  )
}
