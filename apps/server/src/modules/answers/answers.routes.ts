import {
  AnswerParamsSchema,
  AnswerSchema,
  IndicatorWorkSchema,
  ReturnAnswerBodySchema,
  RoundCountryParamsSchema,
  RoundIndicatorParamsSchema,
  SaveAnswerBodySchema,
  SubmitAllBodySchema,
  SubmitAllResultSchema,
  SubmitAnswerBodySchema,
} from '@thbm/shared'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { withTransaction } from '../../db/transaction.ts'
import { forbidden, notFound } from '../../errors.ts'
import { actorOf, contextOf, setupGenerationOf } from '../../http/auth.ts'
import { can } from '../../policies.ts'
import { getRoundCountryOrThrow } from '../rounds/rounds.queries.ts'
import type { AnswerContext } from './answer-context.ts'
import { presentAnswers, toAnswer } from './answers.queries.ts'
import { AnswerContextCache } from './context-cache.ts'
import { previousValue } from './previous-value.ts'
import { writeAnswer } from './save-answer.ts'
import { submitAll } from './submit-all.ts'
import { returnAnswer, submitAnswer } from './submit-answer.ts'

/** Organisations of the country whose answers the actor may read (null: all of them). */
function readableOrganisations(actor: Actor, countryCode: string): string[] | null {
  const probe = { countryCode, organisationId: '' }
  if (can(actor, 'answer.read', probe)) return null
  return actor.memberships
    .filter((m) => m.role === 'data_provider' && m.countryCode === countryCode && m.organisationId)
    .map((m) => m.organisationId as string)
}

/** 404 when the actor may not see this organisation's answer; 403 when they see it but may not write it. */
function authorizeWrite(actor: Actor, ctx: AnswerContext, organisationId: string): void {
  const subject = { countryCode: ctx.countryCode, organisationId }
  if (!can(actor, 'answer.read', subject)) throw notFound('Answer not found')
  if (!can(actor, 'answer.write', subject)) throw forbidden()
  const lead = can(actor, 'answer.write', { countryCode: ctx.countryCode, organisationId: '' })
  if (!lead && !ctx.assigned.includes(organisationId))
    throw forbidden('Your organisation is not asked to answer this indicator')
}

/** Whether the form may be edited: while collecting, or in review when an answer shown was returned to be fixed. */
const editable = (roundStatus: string, answers: { status: string }[]) =>
  roundStatus === 'collecting' || (roundStatus === 'reviewing' && answers.some((a) => a.status === 'returned'))

export const answersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['data collection']
  const contexts = new AnswerContextCache(app.db)
  const context = async (request: FastifyRequest, p: { roundId: string; country: string; code: string }) =>
    contexts.get(actorOf(request), await setupGenerationOf(request), p)
  const one = async (actor: Actor, ctx: AnswerContext, organisationId: string) => {
    const [answer] = await presentAnswers(app.db, actor, ctx, [organisationId])
    return { data: answer as NonNullable<typeof answer> }
  }

  app.get(
    '/api/rounds/:roundId/countries/:country/indicators/:code',
    {
      schema: { tags, params: RoundIndicatorParamsSchema, response: { 200: z.object({ data: IndicatorWorkSchema }) } },
    },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(request, request.params)
      const readable = readableOrganisations(actor, ctx.countryCode)
      const orgs = await app.db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('countryCode', '=', ctx.countryCode)
        .where('active', '=', 1)
        .orderBy('name')
        .execute()
      const visible = orgs.filter((o) => readable === null || readable.includes(o.id))
      const answers = await presentAnswers(app.db, actor, ctx, readable)
      const previous = []
      for (const o of visible) {
        const p = await previousValue(app.db, ctx, o.id)
        if (p)
          previous.push({
            organisationId: o.id,
            roundName: p.roundName,
            referenceYear: p.referenceYear,
            code: p.code,
            number: p.number,
            choice: p.choice,
          })
      }
      return {
        data: {
          reason: ctx.reason,
          organisations: visible.map((o) => ({ ...o, assigned: ctx.assigned.includes(o.id) })),
          answers,
          previous,
          abilities: editable(ctx.round.row.status, answers) ? ['answer.edit'] : [],
        },
      }
    },
  )

  app.put(
    '/api/rounds/:roundId/countries/:country/indicators/:code/answers/:organisationId',
    {
      schema: {
        tags,
        params: AnswerParamsSchema,
        body: SaveAnswerBodySchema,
        response: { 200: z.object({ data: AnswerSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(request, request.params)
      authorizeWrite(actor, ctx, request.params.organisationId)
      const organisation = await contexts.organisation(await setupGenerationOf(request), request.params.organisationId)
      // Shown as the writes stored it, without reading it again.
      const { stored, previous } = await withTransaction(app.db, (trx) =>
        writeAnswer(trx, contextOf(request), ctx, request.params.organisationId, request.body, { organisation }),
      )
      return { data: toAnswer(actor, ctx, stored, previous?.number ?? null) }
    },
  )

  app.post(
    '/api/rounds/:roundId/countries/:country/indicators/:code/answers/:organisationId/submit',
    {
      schema: {
        tags,
        params: AnswerParamsSchema,
        body: SubmitAnswerBodySchema,
        response: { 200: z.object({ data: AnswerSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(request, request.params)
      authorizeWrite(actor, ctx, request.params.organisationId)
      await withTransaction(app.db, (trx) =>
        submitAnswer(trx, contextOf(request), ctx, request.params.organisationId, request.body.version),
      )
      return one(actor, ctx, request.params.organisationId)
    },
  )

  app.post(
    '/api/rounds/:roundId/countries/:country/indicators/:code/answers/:organisationId/return',
    {
      schema: {
        tags,
        params: AnswerParamsSchema,
        body: ReturnAnswerBodySchema,
        response: { 200: z.object({ data: AnswerSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(request, request.params)
      const subject = { countryCode: ctx.countryCode, organisationId: request.params.organisationId }
      if (!can(actor, 'answer.read', subject)) throw notFound('Answer not found')
      if (!can(actor, 'answer.return', subject)) throw forbidden()
      await withTransaction(app.db, (trx) =>
        returnAnswer(trx, contextOf(request), ctx, request.params.organisationId, request.body),
      )
      return one(actor, ctx, request.params.organisationId)
    },
  )

  app.post(
    '/api/rounds/:roundId/countries/:country/submit',
    {
      schema: {
        tags,
        params: RoundCountryParamsSchema,
        body: SubmitAllBodySchema,
        response: { 200: z.object({ data: SubmitAllResultSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      const organisationId = request.body.organisationId
      if (organisationId) {
        const subject = { countryCode: country, organisationId }
        if (!can(actor, 'answer.read', subject)) throw notFound('Organisation not found in this country')
        if (!can(actor, 'answer.write', subject)) throw forbidden()
      } else if (
        !actor.memberships.some((m) =>
          can(actor, 'answer.write', { countryCode: country, organisationId: m.organisationId ?? '' }),
        )
      )
        throw forbidden()
      const data = await withTransaction(app.db, (trx) =>
        submitAll(trx, contextOf(request), round, country, request.body),
      )
      return { data }
    },
  )
}
