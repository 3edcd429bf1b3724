import {
  CommentParamsSchema,
  CommentVersionBodySchema,
  CreateCommentBodySchema,
  NarrativeSchema,
  RoundCountryParamsSchema,
  RoundIndicatorParamsSchema,
  SaveNarrativeBodySchema,
  ThreadSchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { withTransaction } from '../../db/transaction.ts'
import { forbidden, notFound } from '../../errors.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { can } from '../../policies.ts'
import { loadAnswerContext } from '../answers/answer-context.ts'
import { getRoundCountryOrThrow } from '../rounds/rounds.queries.ts'
import { addComment, findComment, listComments, participants, setResolved, type ThreadKey } from './comments.ts'
import { listNarratives, saveNarrative } from './narratives.ts'

export const discussionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessment']
  const thread = '/api/rounds/:roundId/countries/:country/indicators/:code/comments'

  /** The thread's key, once the indicator is in the country's list and the actor may read it (404 otherwise). */
  const keyOf = async (actor: Actor, p: { roundId: string; country: string; code: string }): Promise<ThreadKey> => {
    const round = await getRoundCountryOrThrow(app.db, actor, p.roundId, p.country)
    if (!can(actor, 'comment.read', { countryCode: p.country })) throw notFound('Indicator not found')
    await loadAnswerContext(app.db, round, p.country, p.code)
    return { roundId: round.row.id, countryCode: p.country, indicatorCode: p.code }
  }
  const respond = async (actor: Actor, key: ThreadKey) => ({
    data: {
      comments: await listComments(app.db, key),
      participants: await participants(app.db, key.countryCode),
      abilities: can(actor, 'comment.write', { countryCode: key.countryCode }) ? ['comment.write'] : [],
    },
  })
  const Thread = { 200: z.object({ data: ThreadSchema }) }

  app.get(thread, { schema: { tags, params: RoundIndicatorParamsSchema, response: Thread } }, async (request) => {
    const actor = actorOf(request)
    return respond(actor, await keyOf(actor, request.params))
  })

  app.post(
    thread,
    {
      schema: {
        tags,
        params: RoundIndicatorParamsSchema,
        body: CreateCommentBodySchema,
        response: { 201: Thread[200] },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const key = await keyOf(actor, request.params)
      if (!can(actor, 'comment.write', { countryCode: key.countryCode })) throw forbidden()
      await withTransaction(app.db, (trx) => addComment(trx, contextOf(request), key, request.body))
      return reply.code(201).send(await respond(actor, key))
    },
  )

  for (const [action, resolved] of [
    ['resolve', true],
    ['reopen', false],
  ] as const) {
    app.post(
      `${thread}/:commentId/${action}`,
      { schema: { tags, params: CommentParamsSchema, body: CommentVersionBodySchema, response: Thread } },
      async (request) => {
        const actor = actorOf(request)
        const key = await keyOf(actor, request.params)
        const comment = await findComment(app.db, key, request.params.commentId)
        if (!can(actor, 'comment.resolve', { countryCode: key.countryCode, authorId: comment.authorId }))
          throw forbidden()
        await withTransaction(app.db, (trx) =>
          setResolved(trx, contextOf(request), actor, key, request.params.commentId, request.body.version, resolved),
        )
        return respond(actor, key)
      },
    )
  }

  const narrativesUrl = '/api/rounds/:roundId/countries/:country/narratives'
  const Narratives = { 200: z.object({ data: z.array(NarrativeSchema) }) }
  app.get(
    narrativesUrl,
    { schema: { tags, params: RoundCountryParamsSchema, response: Narratives } },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      if (!can(actor, 'comment.read', { countryCode: country })) throw notFound('Country not found in this round')
      return { data: await listNarratives(app.db, round.row.id, country) }
    },
  )

  app.put(
    narrativesUrl,
    { schema: { tags, params: RoundCountryParamsSchema, body: SaveNarrativeBodySchema, response: Narratives } },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      if (!can(actor, 'comment.read', { countryCode: country })) throw notFound('Country not found in this round')
      if (!can(actor, 'narrative.write', { countryCode: country })) throw forbidden()
      await withTransaction(app.db, (trx) => saveNarrative(trx, contextOf(request), round, country, request.body))
      return { data: await listNarratives(app.db, round.row.id, country) }
    },
  )
}
