import {
  IdSchema,
  NarrativeSchema,
  PublishReportBodySchema,
  ReportPublicationSchema,
  ReportQuerySchema,
  RoundCountryParamsSchema,
  RoundParamsSchema,
  SaveNarrativeBodySchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { withTransaction } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { authorize, can } from '../../policies.ts'
import { listNarratives, saveNarrative } from '../discussion/narratives.ts'
import { getRoundCountryOrThrow, getRoundOrThrow, loadRound } from '../rounds/rounds.queries.ts'
import { buildNationalReport } from './build-national.ts'
import { buildRegionalReport } from './build-regional.ts'
import { getPublicationOrThrow, listPublications, presentPublication, snapshotOf } from './publications.ts'
import { publishReport } from './publish-report.ts'
import { sendReport } from './send-report.ts'

const Publication = z.object({ data: ReportPublicationSchema })

/**
 * Reports as they stand (built from validated assessments on each request), publication of frozen snapshots, and
 * downloads of published snapshots in any format and locale.
 */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reports']
  const threshold = app.config.disclosureThreshold
  const chromiumPath = app.config.chromiumPath
  /** A new publication, with the job rendering its documents (GET /api/jobs/:id shows its progress). */
  const published = async (id: string, renderJobId: string | null) => ({
    ...presentPublication(await getPublicationOrThrow(app.db, id)),
    ...(renderJobId ? { renderJobId } : {}),
  })

  app.get(
    '/api/rounds/:roundId/countries/:country/report',
    { schema: { tags, params: RoundCountryParamsSchema, querystring: ReportQuerySchema } },
    async (request, reply) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'report.readNational', { countryCode: country })
      const data = await buildNationalReport(app.db, round, country, threshold)
      return sendReport(reply, data, request.query, { chromiumPath, cache: 'private' })
    },
  )

  app.get(
    '/api/rounds/:roundId/report',
    { schema: { tags, params: RoundParamsSchema, querystring: ReportQuerySchema } },
    async (request, reply) => {
      const actor = actorOf(request)
      const round = await getRoundOrThrow(app.db, actor, request.params.roundId)
      authorize(actor, 'report.readRegional', null)
      const data = await buildRegionalReport(app.db, round, threshold)
      return sendReport(reply, data, request.query, { chromiumPath, cache: 'private' })
    },
  )

  app.get(
    '/api/rounds/:roundId/publications',
    {
      schema: {
        tags,
        params: RoundParamsSchema,
        response: { 200: z.object({ data: z.array(ReportPublicationSchema) }) },
      },
    },
    async (request) => {
      await getRoundOrThrow(app.db, actorOf(request), request.params.roundId)
      return { data: (await listPublications(app.db, [request.params.roundId])).map(presentPublication) }
    },
  )

  app.post(
    '/api/rounds/:roundId/countries/:country/publications',
    {
      schema: { tags, params: RoundCountryParamsSchema, body: PublishReportBodySchema, response: { 201: Publication } },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'report.publishNational', { countryCode: country })
      const { id, renderJobId } = await withTransaction(app.db, (trx) =>
        publishReport(trx, contextOf(request), round, country, request.body.changeNote, threshold),
      )
      return reply.code(201).send({ data: await published(id, renderJobId) })
    },
  )

  app.post(
    '/api/rounds/:roundId/publications',
    { schema: { tags, params: RoundParamsSchema, body: PublishReportBodySchema, response: { 201: Publication } } },
    async (request, reply) => {
      const actor = actorOf(request)
      const round = await getRoundOrThrow(app.db, actor, request.params.roundId)
      authorize(actor, 'report.publishRegional', null)
      const { id, renderJobId } = await withTransaction(app.db, (trx) =>
        publishReport(trx, contextOf(request), round, 'region', request.body.changeNote, threshold),
      )
      return reply.code(201).send({ data: await published(id, renderJobId) })
    },
  )

  const Narratives = { 200: z.object({ data: z.array(NarrativeSchema) }) }
  app.get(
    '/api/rounds/:roundId/region/narratives',
    { schema: { tags, params: RoundParamsSchema, response: Narratives } },
    async (request) => {
      const actor = actorOf(request)
      const round = await getRoundOrThrow(app.db, actor, request.params.roundId)
      authorize(actor, 'report.readRegional', null)
      return { data: await listNarratives(app.db, round.row.id, 'region') }
    },
  )

  app.put(
    '/api/rounds/:roundId/region/narratives',
    { schema: { tags, params: RoundParamsSchema, body: SaveNarrativeBodySchema, response: Narratives } },
    async (request) => {
      const actor = actorOf(request)
      const round = await getRoundOrThrow(app.db, actor, request.params.roundId)
      authorize(actor, 'report.publishRegional', null)
      await withTransaction(app.db, (trx) => saveNarrative(trx, contextOf(request), round, 'region', request.body))
      return { data: await listNarratives(app.db, round.row.id, 'region') }
    },
  )

  app.get(
    '/api/publications/:id/report',
    { schema: { tags, params: z.object({ id: IdSchema }), querystring: ReportQuerySchema } },
    async (request, reply) => {
      const actor = actorOf(request)
      const row = await getPublicationOrThrow(app.db, request.params.id)
      const round = await loadRound(app.db, row.roundId)
      if (!round || !can(actor, 'round.read', round)) throw notFound('Publication not found')
      // A published report is public; its real small counts are for those who may read the report internally.
      if (request.query.disclosure === 'internal') {
        if (row.kind === 'regional') authorize(actor, 'report.readRegional', null)
        else authorize(actor, 'report.readNational', { countryCode: row.scope })
      }
      return sendReport(reply, snapshotOf(row), request.query, {
        chromiumPath,
        number: row.number,
        cache: 'private',
        publicationId: row.id,
        db: app.db,
      })
    },
  )
}
