import {
  AddParticipantBodySchema,
  AnonymousRatingsSchema,
  ConsentBodySchema,
  CreateReviewBodySchema,
  DecisionBodySchema,
  DecisionsOverviewSchema,
  GenerateDraftBodySchema,
  GeneratedDraftSchema,
  IndicatorEvidenceSchema,
  MyResponsesSchema,
  OpenRoundBodySchema,
  ReviewDetailSchema,
  ReviewIndicatorParamsSchema,
  ReviewParamsSchema,
  ReviewParticipantParamsSchema,
  ReviewReportQuerySchema,
  ReviewResultsSchema,
  ReviewRoundQuerySchema,
  ReviewSummarySchema,
  ReviewVersionBodySchema,
  SaveResponseBodySchema,
  UpdateReviewBodySchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { type Trx, withTransaction } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { authorize, can } from '../../policies.ts'
import { loadVersion } from '../frameworks/frameworks.queries.ts'
import { renderDocx } from '../reports/render-docx.ts'
import { renderHtml } from '../reports/render-html.ts'
import { decisionsOverview, recordDecision } from './decisions.ts'
import { reviewEvidence } from './evidence.ts'
import { generateDraft } from './generate-draft.ts'
import { myResponses } from './my-responses.ts'
import { addParticipant, removeParticipant, setConsent } from './participants.ts'
import { anonymousRatings, computeResults, pickRound } from './results.ts'
import { buildReviewReport } from './review-report.ts'
import { closeReview, closeRound, openRound } from './review-rounds.ts'
import { presentReview, presentSummaries } from './reviews.presenter.ts'
import {
  getReviewOrThrow,
  type LoadedReview,
  listReviewRows,
  loadDecisions,
  loadReview,
  participantOf,
  subjectOf,
} from './reviews.queries.ts'
import { saveResponse } from './save-response.ts'
import { createReview, updateReview } from './write-review.ts'

const One = { 200: z.object({ data: ReviewDetailSchema }) }
const Overview = { 200: z.object({ data: DecisionsOverviewSchema }) }
const WorkspaceItem = z.object({ data: MyResponsesSchema.shape.indicators.element })

/**
 * Indicator reviews. Coordinators run them; participants see the review and their own work. Reads that could show
 * anyone's ratings (results, individual ratings, decisions, the report) answer 404 to everyone but coordinators.
 */
export const reviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reviews']
  const detail = async (actor: Actor, id: string) => ({
    data: await presentReview(app.db, actor, await getReviewOrThrow(app.db, actor, id)),
  })
  /** For coordinators only; 404 to participants and everyone else. */
  const managedOrThrow = async (actor: Actor, id: string) => {
    const review = await getReviewOrThrow(app.db, actor, id)
    if (!can(actor, 'review.manage', subjectOf(review))) throw notFound('Review not found')
    return review
  }
  /** A coordinator's change: 404 when the review is not visible, 403 to participants. */
  const toManage = async (actor: Actor, id: string) => {
    const review = await getReviewOrThrow(app.db, actor, id)
    authorize(actor, 'review.manage', subjectOf(review))
    return review
  }
  /** A participant's own work: 404 when the review is not visible, 403 to coordinators who do not take part. */
  const toRespond = async (actor: Actor, id: string) => {
    const review = await getReviewOrThrow(app.db, actor, id)
    authorize(actor, 'review.respond', subjectOf(review))
    return { review, participant: participantOf(review, actor) as NonNullable<ReturnType<typeof participantOf>> }
  }
  /** The review as it is inside the transaction, so a round closed meanwhile is seen. */
  const fresh = async (trx: Trx, id: string): Promise<LoadedReview> => {
    const review = await loadReview(trx, id)
    if (!review) throw notFound('Review not found')
    return review
  }

  app.get(
    '/api/reviews',
    { schema: { tags, response: { 200: z.object({ data: z.array(ReviewSummarySchema) }) } } },
    async (request) => {
      const actor = actorOf(request)
      const rows = await listReviewRows(app.db, actor, can(actor, 'review.create', null))
      return { data: await presentSummaries(app.db, actor, rows) }
    },
  )

  app.post(
    '/api/reviews',
    { schema: { tags, body: CreateReviewBodySchema, response: { 201: One[200] } } },
    async (request, reply) => {
      const actor = actorOf(request)
      authorize(actor, 'review.create', null)
      const id = await withTransaction(app.db, (trx) => createReview(trx, contextOf(request), request.body))
      return reply.code(201).send(await detail(actor, id))
    },
  )

  app.get('/api/reviews/:id', { schema: { tags, params: ReviewParamsSchema, response: One } }, async (request) =>
    detail(actorOf(request), request.params.id),
  )

  app.patch(
    '/api/reviews/:id',
    { schema: { tags, params: ReviewParamsSchema, body: UpdateReviewBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const review = await toManage(actor, request.params.id)
      await withTransaction(app.db, (trx) => updateReview(trx, contextOf(request), review, request.body))
      return detail(actor, review.row.id)
    },
  )

  app.post(
    '/api/reviews/:id/participants',
    { schema: { tags, params: ReviewParamsSchema, body: AddParticipantBodySchema, response: { 201: One[200] } } },
    async (request, reply) => {
      const actor = actorOf(request)
      const review = await toManage(actor, request.params.id)
      await withTransaction(app.db, (trx) => addParticipant(trx, contextOf(request), review, request.body))
      return reply.code(201).send(await detail(actor, review.row.id))
    },
  )

  app.delete(
    '/api/reviews/:id/participants/:participantId',
    { schema: { tags, params: ReviewParticipantParamsSchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const review = await toManage(actor, request.params.id)
      await withTransaction(app.db, (trx) =>
        removeParticipant(trx, contextOf(request), review, request.params.participantId),
      )
      return detail(actor, review.row.id)
    },
  )

  app.post(
    '/api/reviews/:id/consent',
    { schema: { tags, params: ReviewParamsSchema, body: ConsentBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const { review, participant } = await toRespond(actor, request.params.id)
      await withTransaction(app.db, (trx) =>
        setConsent(trx, contextOf(request), review, participant, request.body.named),
      )
      return detail(actor, review.row.id)
    },
  )

  app.post(
    '/api/reviews/:id/open-round',
    { schema: { tags, params: ReviewParamsSchema, body: OpenRoundBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const review = await toManage(actor, request.params.id)
      await withTransaction(app.db, (trx) => openRound(trx, contextOf(request), review, request.body))
      return detail(actor, review.row.id)
    },
  )

  app.post(
    '/api/reviews/:id/close-round',
    { schema: { tags, params: ReviewParamsSchema, body: ReviewVersionBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const review = await toManage(actor, request.params.id)
      await withTransaction(app.db, (trx) => closeRound(trx, contextOf(request), review, request.body.version))
      return detail(actor, review.row.id)
    },
  )

  app.post(
    '/api/reviews/:id/close',
    { schema: { tags, params: ReviewParamsSchema, body: ReviewVersionBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const review = await toManage(actor, request.params.id)
      await withTransaction(app.db, (trx) => closeReview(trx, contextOf(request), review, request.body.version))
      return detail(actor, review.row.id)
    },
  )

  app.get(
    '/api/reviews/:id/my-responses',
    { schema: { tags, params: ReviewParamsSchema, response: { 200: z.object({ data: MyResponsesSchema }) } } },
    async (request) => {
      const { review, participant } = await toRespond(actorOf(request), request.params.id)
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
      const { participant } = await toRespond(actor, id)
      await withTransaction(app.db, async (trx) =>
        saveResponse(trx, contextOf(request), await fresh(trx, id), participant, code, request.body),
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

  app.get(
    '/api/reviews/:id/results',
    {
      schema: {
        tags,
        params: ReviewParamsSchema,
        querystring: ReviewRoundQuerySchema,
        response: { 200: z.object({ data: ReviewResultsSchema }) },
      },
    },
    async (request) => {
      const review = await managedOrThrow(actorOf(request), request.params.id)
      const round = pickRound(review, request.query.round)
      const version = await loadVersion(app.db, review.row.frameworkVersionId)
      return { data: await computeResults(app.db, review, version, round) }
    },
  )

  app.get(
    '/api/reviews/:id/ratings',
    {
      schema: {
        tags,
        params: ReviewParamsSchema,
        querystring: ReviewRoundQuerySchema,
        response: { 200: z.object({ data: AnonymousRatingsSchema }) },
      },
    },
    async (request) => {
      const review = await managedOrThrow(actorOf(request), request.params.id)
      const round = pickRound(review, request.query.round)
      const version = await loadVersion(app.db, review.row.frameworkVersionId)
      return { data: await anonymousRatings(app.db, review, version, round) }
    },
  )

  app.get(
    '/api/reviews/:id/decisions',
    { schema: { tags, params: ReviewParamsSchema, response: Overview } },
    async (request) => {
      const review = await managedOrThrow(actorOf(request), request.params.id)
      const version = await loadVersion(app.db, review.row.frameworkVersionId)
      return { data: decisionsOverview(version, await loadDecisions(app.db, review.row.id)) }
    },
  )

  app.put(
    '/api/reviews/:id/decisions/:code',
    { schema: { tags, params: ReviewIndicatorParamsSchema, body: DecisionBodySchema, response: Overview } },
    async (request) => {
      const { id, code } = request.params
      const review = await toManage(actorOf(request), id)
      const version = await loadVersion(app.db, review.row.frameworkVersionId)
      await withTransaction(app.db, async (trx) => {
        const decisions = await loadDecisions(trx, id)
        await recordDecision(trx, contextOf(request), await fresh(trx, id), version, decisions, code, request.body)
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
      await toManage(actorOf(request), id)
      const { label } = request.body
      const made = await withTransaction(app.db, async (trx) =>
        generateDraft(trx, contextOf(request), await fresh(trx, id), label),
      )
      return reply.code(201).send({ data: { ...made, label } })
    },
  )

  app.get(
    '/api/reviews/:id/report',
    { schema: { tags, params: ReviewParamsSchema, querystring: ReviewReportQuerySchema } },
    async (request, reply) => {
      const review = await managedOrThrow(actorOf(request), request.params.id)
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
