import {
  AdaptationParamsSchema,
  AdaptationSchema,
  AreaParamsSchema,
  CreateAreaBodySchema,
  CreateIndicatorBodySchema,
  IndicatorHistorySchema,
  IndicatorParamsSchema,
  MergeIndicatorsBodySchema,
  SplitIndicatorBodySchema,
  UpdateAdaptationBodySchema,
  UpdateAreaBodySchema,
  UpdateIndicatorBodySchema,
  VersionParamsSchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { withTransaction } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { authorize, can } from '../../policies.ts'
import { getAdaptation, updateAdaptation } from './adaptations.ts'
import { createArea, deleteArea, updateArea } from './edit-areas.ts'
import {
  createIndicator,
  deleteIndicator,
  mergeIndicators,
  splitIndicator,
  updateIndicator,
} from './edit-indicators.ts'
import { indicatorHistory } from './indicator-history.ts'

const Ok = z.object({ ok: z.literal(true) })
const VersionQuery = z.object({ version: z.coerce.number().int().min(1) })

/** Draft editing (areas, indicators, merge, split), lineage history and country adaptations. */
export const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['handbook']
  const ok = { ok: true as const }
  const edit = (request: Parameters<typeof actorOf>[0]) => authorize(actorOf(request), 'framework.edit', null)

  app.post(
    '/api/framework-versions/:versionId/indicators',
    { schema: { tags, params: VersionParamsSchema, body: CreateIndicatorBodySchema, response: { 201: Ok } } },
    async (request, reply) => {
      edit(request)
      await withTransaction(app.db, (trx) =>
        createIndicator(trx, contextOf(request), request.params.versionId, request.body),
      )
      return reply.status(201).send(ok)
    },
  )

  app.patch(
    '/api/framework-versions/:versionId/indicators/:code',
    { schema: { tags, params: IndicatorParamsSchema, body: UpdateIndicatorBodySchema, response: { 200: Ok } } },
    async (request) => {
      edit(request)
      await withTransaction(app.db, (trx) =>
        updateIndicator(trx, contextOf(request), request.params.versionId, request.params.code, request.body),
      )
      return ok
    },
  )

  app.delete(
    '/api/framework-versions/:versionId/indicators/:code',
    { schema: { tags, params: IndicatorParamsSchema, querystring: VersionQuery, response: { 200: Ok } } },
    async (request) => {
      edit(request)
      await withTransaction(app.db, (trx) =>
        deleteIndicator(trx, contextOf(request), request.params.versionId, request.params.code, request.query.version),
      )
      return ok
    },
  )

  app.post(
    '/api/framework-versions/:versionId/merge',
    { schema: { tags, params: VersionParamsSchema, body: MergeIndicatorsBodySchema, response: { 200: Ok } } },
    async (request) => {
      edit(request)
      await withTransaction(app.db, (trx) =>
        mergeIndicators(trx, contextOf(request), request.params.versionId, request.body),
      )
      return ok
    },
  )

  app.post(
    '/api/framework-versions/:versionId/indicators/:code/split',
    { schema: { tags, params: IndicatorParamsSchema, body: SplitIndicatorBodySchema, response: { 200: Ok } } },
    async (request) => {
      edit(request)
      await withTransaction(app.db, (trx) =>
        splitIndicator(trx, contextOf(request), request.params.versionId, request.params.code, request.body.into),
      )
      return ok
    },
  )

  app.get(
    '/api/framework-versions/:versionId/indicators/:code/history',
    { schema: { tags, params: IndicatorParamsSchema, response: { 200: z.object({ data: IndicatorHistorySchema }) } } },
    async (request) => {
      actorOf(request)
      return { data: { steps: await indicatorHistory(app.db, request.params.versionId, request.params.code) } }
    },
  )

  app.post(
    '/api/framework-versions/:versionId/areas',
    { schema: { tags, params: VersionParamsSchema, body: CreateAreaBodySchema, response: { 201: Ok } } },
    async (request, reply) => {
      edit(request)
      await withTransaction(app.db, (trx) =>
        createArea(trx, contextOf(request), request.params.versionId, request.body),
      )
      return reply.status(201).send(ok)
    },
  )

  app.patch(
    '/api/framework-versions/:versionId/areas/:areaCode',
    { schema: { tags, params: AreaParamsSchema, body: UpdateAreaBodySchema, response: { 200: Ok } } },
    async (request) => {
      edit(request)
      await withTransaction(app.db, (trx) =>
        updateArea(trx, contextOf(request), request.params.versionId, request.params.areaCode, request.body),
      )
      return ok
    },
  )

  app.delete(
    '/api/framework-versions/:versionId/areas/:areaCode',
    { schema: { tags, params: AreaParamsSchema, querystring: VersionQuery, response: { 200: Ok } } },
    async (request) => {
      edit(request)
      await withTransaction(app.db, (trx) =>
        deleteArea(trx, contextOf(request), request.params.versionId, request.params.areaCode, request.query.version),
      )
      return ok
    },
  )

  app.get(
    '/api/framework-versions/:versionId/adaptations/:country',
    { schema: { tags, params: AdaptationParamsSchema, response: { 200: z.object({ data: AdaptationSchema }) } } },
    async (request) => {
      const actor = actorOf(request)
      if (!can(actor, 'country.read', { code: request.params.country })) throw notFound('Country not found')
      return { data: await getAdaptation(app.db, actor, request.params.versionId, request.params.country) }
    },
  )

  app.put(
    '/api/framework-versions/:versionId/adaptations/:country',
    {
      schema: {
        tags,
        params: AdaptationParamsSchema,
        body: UpdateAdaptationBodySchema,
        response: { 200: z.object({ data: AdaptationSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { versionId, country } = request.params
      if (!can(actor, 'country.read', { code: country })) throw notFound('Country not found')
      authorize(actor, 'adaptation.edit', { countryCode: country })
      await withTransaction(app.db, (trx) =>
        updateAdaptation(trx, contextOf(request), versionId, country, request.body),
      )
      return { data: await getAdaptation(app.db, actor, versionId, country) }
    },
  )
}
