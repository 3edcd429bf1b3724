import {
  AddParticipantBodySchema,
  ConsentBodySchema,
  CreateReviewBodySchema,
  DecisionsOverviewSchema,
  MyResponsesSchema,
  OpenRoundBodySchema,
  ReviewDetailSchema,
  ReviewParamsSchema,
  ReviewParticipantParamsSchema,
  ReviewSummarySchema,
  ReviewVersionBodySchema,
  UpdateReviewBodySchema,
} from '@thbm/shared'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { type Trx, withTransaction } from '../../db/transaction.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { authorize, can } from '../../policies.ts'
import { addParticipant, removeParticipant, setConsent } from './participants.ts'
import { closeReview, closeRound, openRound } from './review-rounds.ts'
import { presentReview, presentSummaries } from './reviews.presenter.ts'
import {
  getReviewOrThrow,
  getReviewToManage,
  getReviewToRespond,
  type LoadedReview,
  listReviewRows,
} from './reviews.queries.ts'
import { createReview, updateReview } from './write-review.ts'

const One = { 200: z.object({ data: ReviewDetailSchema }) }
const _Overview = { 200: z.object({ data: DecisionsOverviewSchema }) }
const _WorkspaceItem = z.object({ data: MyResponsesSchema.shape.indicators.element })

/**
 * Indicator reviews: the review, its participants and its rounds. Coordinators run them; participants see the review
 * and give their consent. Their work, the results and the decisions are in `review-work.routes.ts`.
 */
export const reviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reviews']
  const detail = async (actor: Actor, id: string) => ({
    data: await presentReview(app.db, actor, await getReviewOrThrow(app.db, actor, id)),
  })
  /** A coordinator's change: the review (404 when not visible, 403 to participants), the command, the review now. */
  const manage = async (
    request: FastifyRequest,
    id: string,
    command: (trx: Trx, review: LoadedReview) => Promise<unknown>,
  ) => {
    const actor = actorOf(request)
    const review = await getReviewToManage(app.db, actor, id)
    await withTransaction(app.db, (trx) => command(trx, review))
    return detail(actor, review.row.id)
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
    async (request) =>
      manage(request, request.params.id, (trx, review) => updateReview(trx, contextOf(request), review, request.body)),
  )

  app.post(
    '/api/reviews/:id/participants',
    { schema: { tags, params: ReviewParamsSchema, body: AddParticipantBodySchema, response: { 201: One[200] } } },
    async (request, reply) => {
      const added = await manage(request, request.params.id, (trx, review) =>
        addParticipant(trx, contextOf(request), review, request.body),
      )
      return reply.code(201).send(added)
    },
  )

  app.delete(
    '/api/reviews/:id/participants/:participantId',
    { schema: { tags, params: ReviewParticipantParamsSchema, response: One } },
    async (request) =>
      manage(request, request.params.id, (trx, review) =>
        removeParticipant(trx, contextOf(request), review, request.params.participantId),
      ),
  )

  app.post(
    '/api/reviews/:id/consent',
    { schema: { tags, params: ReviewParamsSchema, body: ConsentBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const { review, participant } = await getReviewToRespond(app.db, actor, request.params.id)
      await withTransaction(app.db, (trx) =>
        setConsent(trx, contextOf(request), review, participant, request.body.named),
      )
      return detail(actor, review.row.id)
    },
  )

  app.post(
    '/api/reviews/:id/open-round',
    { schema: { tags, params: ReviewParamsSchema, body: OpenRoundBodySchema, response: One } },
    async (request) =>
      manage(request, request.params.id, (trx, review) => openRound(trx, contextOf(request), review, request.body)),
  )

  app.post(
    '/api/reviews/:id/close-round',
    { schema: { tags, params: ReviewParamsSchema, body: ReviewVersionBodySchema, response: One } },
    async (request) =>
      manage(request, request.params.id, (trx, review) =>
        closeRound(trx, contextOf(request), review, request.body.version),
      ),
  )

  app.post(
    '/api/reviews/:id/close',
    { schema: { tags, params: ReviewParamsSchema, body: ReviewVersionBodySchema, response: One } },
    async (request) =>
      manage(request, request.params.id, (trx, review) =>
        closeReview(trx, contextOf(request), review, request.body.version),
      ),
  )
}
