import {
  AnonymousRatingsSchema,
  DecisionBodySchema,
  DecisionsOverviewSchema,
  GenerateDraftBodySchema,
  GeneratedDraftSchema,
  IndicatorEvidenceSchema,
  MyResponsesSchema,
  ReviewIndicatorParamsSchema,
  ReviewParamsSchema,
  ReviewReportQuerySchema,
  ReviewResultsSchema,
  ReviewRoundQuerySchema,
  SaveResponseBodySchema,
} from '@thbm/shared'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { withTransaction } from '../../db/transaction.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import { renderDocx } from '../reports/render-docx.ts'
import { renderHtml } from '../reports/render-html.ts'
import { decisionsOverview, recordDecision } from './decisions.ts'
import { reviewEvidence } from './evidence.ts'
import { generateDraft } from './generate-draft.ts'
import { myResponses } from './my-responses.ts'
import { anonymousRatings, computeResults, pickRound } from './results.ts'
import { buildReviewReport } from './review-report.ts'
import {
  freshReviewOrThrow,
  getManagedReviewOrThrow,
  getReviewOrThrow,
  getReviewToManage,
  getReviewToRespond,
  loadDecisions,
} from './reviews.queries.ts'
import { saveResponse } from './save-response.ts'

const Overview = { 200: z.object({ data: DecisionsOverviewSchema }) }
const WorkspaceItem = z.object({ data: MyResponsesSchema.shape.indicators.element })

/**
 * The work of a review: participants' responses, the evidence, results and individual ratings, decisions, the next
 * version's draft and the report. Reads that could show anyone's ratings answer 404 to everyone but coordinators.
 */
export const reviewWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reviews']
  /** The schema of a coordinator's read of one round of the review (the latest unless `round` is asked for). */
  const roundRead = <T extends z.ZodType>(data: T) => ({
    tags,
    params: ReviewParamsSchema,
    querystring: ReviewRoundQuerySchema,
    response: { 200: z.object({ data }) },
  })
  /** For that read: the review (404 to all but coordinators), the round and the reviewed Handbook version. */
  const loadRoundRead = async (request: FastifyRequest, id: string, round: number | undefined) => {
    const review = await getManagedReviewOrThrow(app.db, actorOf(request), id)
    const picked = pickRound(review, round)
    return { review, round: picked, version: await loadVersion(app.db, review.row.frameworkVersionId) }
  }

  app.get(
    '/api/reviews/:id/my-responses',
    { schema: { tags, params: ReviewParamsSchema, response: { 200: z.object({ data: MyResponsesSchema }) } } },
    async (request) => {
      const { review, participant } = await getReviewToRespond(app.db, actorOf(request), request.params.id)
      const version = await loadVersion(app.db, review.row.frameworkVersionId)
      return { data: await myResponses(app.db, review, participant, version) }
    },
  )

  app.put(
    '/api/reviews/:id/my-responses/:code',
    {
      schema: {
        tags,
        params: ReviewIndicatorParamsSchema,
        body: SaveResponseBodySchema,
        response: { 200: WorkspaceItem },
      },
    },
    async (request) => {
      const { id, code } = request.params
      const actor = actorOf(request)
      const { participant } = await getReviewToRespond(app.db, actor, id)
      await withTransaction(app.db, async (trx) =>
        saveResponse(trx, contextOf(request), await freshReviewOrThrow(trx, id), participant, code, request.body),
      )
      const review = await getReviewOrThrow(app.db, actor, id)
      const version = await loadVersion(app.db, review.row.frameworkVersionId)
      const workspace = await myResponses(app.db, review, participant, version)
      return { data: workspace.indicators.find((i) => i.code === code) as (typeof workspace.indicators)[number] }
    },
  )

  app.get(
    '/api/reviews/:id/evidence',
    {
      schema: {
        tags,
        params: ReviewParamsSchema,
        response: { 200: z.object({ data: z.array(IndicatorEvidenceSchema) }) },
      },
    },
    async (request) => {
      const review = await getReviewOrThrow(app.db, actorOf(request), request.params.id)
      return { data: await reviewEvidence(app.db, await loadVersion(app.db, review.row.frameworkVersionId)) }
    },
  )

  app.get('/api/reviews/:id/results', { schema: roundRead(ReviewResultsSchema) }, async (request) => {
    const { review, version, round } = await loadRoundRead(request, request.params.id, request.query.round)
    return { data: await computeResults(app.db, review, version, round) }
  })

  app.get('/api/reviews/:id/ratings', { schema: roundRead(AnonymousRatingsSchema) }, async (request) => {
    const { review, version, round } = await loadRoundRead(request, request.params.id, request.query.round)
    return { data: await anonymousRatings(app.db, review, version, round) }
  })

  app.get(
    '/api/reviews/:id/decisions',
    { schema: { tags, params: ReviewParamsSchema, response: Overview } },
    async (request) => {
      const review = await getManagedReviewOrThrow(app.db, actorOf(request), request.params.id)
      const version = await loadVersion(app.db, review.row.frameworkVersionId)
      return { data: decisionsOverview(version, await loadDecisions(app.db, review.row.id)) }
    },
  )

  app.put(
    '/api/reviews/:id/decisions/:code',
    { schema: { tags, params: ReviewIndicatorParamsSchema, body: DecisionBodySchema, response: Overview } },
    async (request) => {
      const { id, code } = request.params
      const review = await getReviewToManage(app.db, actorOf(request), id)
      const version = await loadVersion(app.db, review.row.frameworkVersionId)
      await withTransaction(app.db, async (trx) => {
        const decisions = await loadDecisions(trx, id)
        await recordDecision(
          trx,
          contextOf(request),
          await freshReviewOrThrow(trx, id),
          version,
          decisions,
          code,
          request.body,
        )
      })
      return { data: decisionsOverview(version, await loadDecisions(app.db, id)) }
    },
  )

  app.post(
    '/api/reviews/:id/generate',
    {
      schema: {
        tags,
        params: ReviewParamsSchema,
        body: GenerateDraftBodySchema,
        response: { 201: z.object({ data: GeneratedDraftSchema }) },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      await getReviewToManage(app.db, actorOf(request), id)
      const { label } = request.body
      const made = await withTransaction(app.db, async (trx) =>
        generateDraft(trx, contextOf(request), await freshReviewOrThrow(trx, id), label),
      )
      return reply.code(201).send({ data: { ...made, label } })
    },
  )

  app.get(
    '/api/reviews/:id/report',
    { schema: { tags, params: ReviewParamsSchema, querystring: ReviewReportQuerySchema } },
    async (request, reply) => {
      const review = await getManagedReviewOrThrow(app.db, actorOf(request), request.params.id)
      const { format, lang } = request.query
      const version = await loadVersion(app.db, review.row.frameworkVersionId)
      const doc = await buildReviewReport(app.db, review, version, lang)
      const fileName = `thbm-review-${review.row.createdAt.slice(0, 10)}-${lang}.${format}`
      reply.header('cache-control', 'private, no-store')
      if (format === 'docx') {
        reply.header('content-disposition', `attachment; filename="${fileName}"`)
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .send(await renderDocx(doc))
      }
      reply.header('content-disposition', `inline; filename="${fileName}"`)
      reply.header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
      )
      return reply.type('text/html; charset=utf-8').send(renderHtml(doc))
    },
  )
}
