import {
  CreateRoundBodySchema,
  MyWorkSchema,
  ProgressSchema,
  PutAssignmentBodySchema,
  ReminderPreviewQuerySchema,
  ReminderResultSchema,
  RoundCountryParamsSchema,
  RoundIndicatorParamsSchema,
  RoundParamsSchema,
  RoundSchema,
  RoundTransitionBodySchema,
  SendRemindersBodySchema,
  UpdateRoundBodySchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { withTransaction } from '../../db/transaction.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { abilitiesFor, authorize } from '../../policies.ts'
import { createRound, updateRound } from './create-round.ts'
import { myWork } from './my-work.ts'
import { countryProgress } from './progress.ts'
import { putAssignment } from './put-assignment.ts'
import { reminderTargets } from './reminder-targets.ts'
import { findRoundsForActor, getRoundCountryOrThrow, getRoundOrThrow, presentRound } from './rounds.queries.ts'
import { assertRemindable, countsOf, sendReminders, splitThrottled } from './send-reminders.ts'
import { transitionRound } from './transition-round.ts'

const One = z.object({ data: RoundSchema })
const Reminded = z.object({ data: ReminderResultSchema })
const today = () => new Date().toISOString().slice(0, 10)

export const roundsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['rounds']
  const respond = async (actor: Actor, id: string) => ({
    data: await presentRound(app.db, actor, await getRoundOrThrow(app.db, actor, id)),
  })

  app.get(
    '/api/rounds',
    { schema: { tags, response: { 200: z.object({ data: z.array(RoundSchema) }) } } },
    async (request) => {
      const actor = actorOf(request)
      const rounds = await findRoundsForActor(app.db, actor)
      return { data: await Promise.all(rounds.map((r) => presentRound(app.db, actor, r))) }
    },
  )

  app.post(
    '/api/rounds',
    { schema: { tags, body: CreateRoundBodySchema, response: { 201: One } } },
    async (request, reply) => {
      const actor = actorOf(request)
      authorize(actor, 'round.manage', null)
      const id = await withTransaction(app.db, (trx) => createRound(trx, contextOf(request), request.body))
      return reply.status(201).send(await respond(actor, id))
    },
  )

  app.get(
    '/api/me/work',
    { schema: { tags, response: { 200: z.object({ data: MyWorkSchema }) } } },
    async (request) => ({
      data: await myWork(app.db, actorOf(request), new Date().toISOString().slice(0, 10)),
    }),
  )

  app.get(
    '/api/rounds/:roundId',
    { schema: { tags, params: RoundParamsSchema, response: { 200: One } } },
    async (request) => respond(actorOf(request), request.params.roundId),
  )

  app.patch(
    '/api/rounds/:roundId',
    { schema: { tags, params: RoundParamsSchema, body: UpdateRoundBodySchema, response: { 200: One } } },
    async (request) => {
      const actor = actorOf(request)
      const round = await getRoundOrThrow(app.db, actor, request.params.roundId)
      authorize(actor, 'round.manage', round)
      await withTransaction(app.db, (trx) => updateRound(trx, contextOf(request), round, request.body))
      return respond(actor, round.row.id)
    },
  )

  app.post(
    '/api/rounds/:roundId/transition',
    { schema: { tags, params: RoundParamsSchema, body: RoundTransitionBodySchema, response: { 200: One } } },
    async (request) => {
      const actor = actorOf(request)
      const round = await getRoundOrThrow(app.db, actor, request.params.roundId)
      authorize(actor, 'round.manage', round)
      await withTransaction(app.db, (trx) => transitionRound(trx, contextOf(request), actor, round, request.body))
      return respond(actor, round.row.id)
    },
  )

  app.get(
    '/api/rounds/:roundId/countries/:country/progress',
    { schema: { tags, params: RoundCountryParamsSchema, response: { 200: z.object({ data: ProgressSchema }) } } },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      const progress = await countryProgress(app.db, actor, round, country, today())
      // What the web app may load beside the board: assessments and scores, and the team's comments and texts.
      const abilities = [
        ...abilitiesFor(actor, ['assignment.edit', 'round.remind'], { countryCode: country }),
        ...abilitiesFor(actor, ['assessment.read'], { countryCode: country, expertId: null }),
        ...abilitiesFor(actor, ['comment.read'], { countryCode: country }),
      ]
      return { data: { ...progress, abilities } }
    },
  )

  app.put(
    '/api/rounds/:roundId/countries/:country/assignments/:code',
    {
      schema: {
        tags,
        params: RoundIndicatorParamsSchema,
        body: PutAssignmentBodySchema,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country, code } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'assignment.edit', { countryCode: country })
      await withTransaction(app.db, (trx) => putAssignment(trx, contextOf(request), round, country, code, request.body))
      return { ok: true as const }
    },
  )

  // What reminding would do (how many people, how many skipped), for the lead's confirmation; nothing is written.
  app.get(
    '/api/rounds/:roundId/countries/:country/reminders/preview',
    {
      schema: {
        tags,
        params: RoundCountryParamsSchema,
        querystring: ReminderPreviewQuerySchema,
        response: { 200: Reminded },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'round.remind', { countryCode: country })
      assertRemindable(round)
      const chosen = await reminderTargets(app.db, actor, round, country, request.query.indicatorCodes, today())
      const { fresh, throttled } = await splitThrottled(app.db, round, country, chosen.targets)
      return { data: countsOf(fresh, throttled) }
    },
  )

  app.post(
    '/api/rounds/:roundId/countries/:country/reminders',
    { schema: { tags, params: RoundCountryParamsSchema, body: SendRemindersBodySchema, response: { 200: Reminded } } },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      authorize(actor, 'round.remind', { countryCode: country })
      assertRemindable(round)
      const data = await withTransaction(app.db, async (trx) => {
        const chosen = await reminderTargets(trx, actor, round, country, request.body.indicatorCodes, today())
        return sendReminders(trx, contextOf(request), round, country, request.body, chosen)
      })
      return { data }
    },
  )
}
