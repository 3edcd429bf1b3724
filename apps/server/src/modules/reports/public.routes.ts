import {
  CountryCodeSchema,
  IdSchema,
  PublicReportViewSchema,
  PublicRoundSchema,
  ReportQuerySchema,
  RoundParamsSchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../../errors.ts'
import { getPublicationOrThrow, listPublications, presentPublication, publicView, snapshotOf } from './publications.ts'
import { sendReport } from './send-report.ts'

/**
 * The public portal's API, with no sign-in: only what was published, from the frozen snapshots, with disclosure
 * control applied. Anything unpublished answers 404 (never 403), so the portal does not reveal what exists.
 */
export const publicReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['public portal']
  const config = { public: true }
  const threshold = app.config.disclosureThreshold

  const publishedRounds = async (only?: string) => {
    const pubs = await listPublications(app.db, only ? [only] : undefined)
    const ids = [...new Set(pubs.map((p) => p.roundId))]
    if (ids.length === 0) return []
    const rounds = await app.db
      .selectFrom('rounds')
      .select(['id', 'name', 'periodFrom', 'periodTo', 'focusTopic'])
      .where('id', 'in', ids)
      .orderBy('periodTo', 'desc')
      .execute()
    return rounds.map((r) => ({ ...r, publications: pubs.filter((p) => p.roundId === r.id).map(presentPublication) }))
  }

  app.get(
    '/api/public/rounds',
    { config, schema: { tags, response: { 200: z.object({ data: z.array(PublicRoundSchema) }) } } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60')
      return { data: await publishedRounds() }
    },
  )

  app.get(
    '/api/public/rounds/:roundId',
    { config, schema: { tags, params: RoundParamsSchema, response: { 200: z.object({ data: PublicRoundSchema }) } } },
    async (request, reply) => {
      const [round] = await publishedRounds(request.params.roundId)
      if (!round) throw notFound('Round not found')
      reply.header('cache-control', 'public, max-age=60')
      return { data: round }
    },
  )

  app.get(
    '/api/public/publications/:id',
    {
      config,
      schema: {
        tags,
        params: z.object({ id: IdSchema }),
        response: { 200: z.object({ data: PublicReportViewSchema }) },
      },
    },
    async (request, reply) => {
      const row = await getPublicationOrThrow(app.db, request.params.id)
      reply.header('cache-control', 'public, max-age=300')
      return { data: publicView(row, threshold) }
    },
  )

  app.get(
    '/api/public/publications/:id/report',
    {
      config,
      schema: { tags, params: z.object({ id: IdSchema }), querystring: ReportQuerySchema.omit({ disclosure: true }) },
    },
    async (request, reply) => {
      const row = await getPublicationOrThrow(app.db, request.params.id)
      return sendReport(
        reply,
        snapshotOf(row),
        { ...request.query, disclosure: 'public' },
        {
          chromiumPath: app.config.chromiumPath,
          number: row.number,
          cache: 'public',
          publicationId: row.id,
          db: app.db,
        },
      )
    },
  )

  app.get(
    '/api/public/countries/:code',
    {
      config,
      schema: {
        tags,
        params: z.object({ code: CountryCodeSchema }),
        response: { 200: z.object({ data: z.array(PublicReportViewSchema) }) },
      },
    },
    async (request, reply) => {
      const rows = (await listPublications(app.db)).filter(
        (p) => p.kind === 'national' && p.scope === request.params.code,
      )
      // The latest publication of each round, oldest round first.
      const latest = new Map<string, (typeof rows)[number]>()
      for (const r of rows) if ((latest.get(r.roundId)?.number ?? 0) < r.number) latest.set(r.roundId, r)
      if (latest.size === 0) throw notFound('Country not found')
      const views = [...latest.values()].map((r) => publicView(r, threshold))
      views.sort((a, b) => a.round.periodTo.localeCompare(b.round.periodTo))
      reply.header('cache-control', 'public, max-age=60')
      return { data: views }
    },
  )
}
