import {
  AgreementSchema,
  AreaScoresSchema,
  AssessmentParamsSchema,
  AssessmentSchema,
  AssessmentVersionBodySchema,
  AssessmentWorkSchema,
  detectDiscrepancy,
  ResolveScoresBodySchema,
  ReturnAssessmentBodySchema,
  RoundCountryParamsSchema,
  SaveAssessmentBodySchema,
  type Scorer,
  ScorerQuerySchema,
  UnlockAssessmentBodySchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { withTransaction } from '../../db/transaction.ts'
import { forbidden, notFound } from '../../errors.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { can } from '../../policies.ts'
import { getRoundCountryOrThrow } from '../rounds/rounds.queries.ts'
import { type AssessmentContext, loadAssessmentContext, sourceAnswers } from './assessment-context.ts'
import { returnAssessment, submitAssessment, unlockAssessment, validateAssessment } from './assessment-workflow.ts'
import { findAssessmentRow, listAssessmentRows, presentAssessments } from './assessments.queries.ts'
import { agreementOf, resolveScores } from './double-scoring.ts'
import { saveAssessment } from './save-assessment.ts'
import { areaScores } from './scores.ts'

const One = { 200: z.object({ data: AssessmentSchema }) }

/** 404 unless the actor reads assessments of the country. */
function assertReadable(actor: Actor, ctx: AssessmentContext): void {
  if (!can(actor, 'assessment.read', { countryCode: ctx.countryCode, expertId: null }))
    throw notFound('Assessment not found')
}

/**
 * With double scoring, each expert sees only their own score until both are submitted; the country lead sees both.
 */
function visibleScorers(actor: Actor, ctx: AssessmentContext, submitted: Set<Scorer>): Scorer[] {
  if (!ctx.options.doubleScoring) return ['primary']
  if (can(actor, 'assessment.review', { countryCode: ctx.countryCode, expertId: null })) return ['primary', 'second']
  const both = submitted.has('primary') && submitted.has('second')
  if (both) return ['primary', 'second']
  if (actor.id === ctx.experts.second) return ['second']
  if (actor.id === ctx.experts.primary) return ['primary']
  return []
}

export const assessmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessment']
  const base = '/api/rounds/:roundId/countries/:country/indicators/:code/assessment'
  const context = async (actor: Actor, p: { roundId: string; country: string; code: string }) => {
    const round = await getRoundCountryOrThrow(app.db, actor, p.roundId, p.country)
    const ctx = await loadAssessmentContext(app.db, round, p.country, p.code)
    assertReadable(actor, ctx)
    return ctx
  }
  const subject = (ctx: AssessmentContext, scorer: Scorer) => ({
    countryCode: ctx.countryCode,
    expertId: ctx.experts[scorer],
  })
  const one = async (ctx: AssessmentContext, scorer: Scorer) => {
    const row = await findAssessmentRow(app.db, ctx, scorer)
    if (!row) throw notFound('Assessment not found')
    const [data] = await presentAssessments(app.db, [row])
    return { data: data as NonNullable<typeof data> }
  }

  app.get(
    base,
    { schema: { tags, params: AssessmentParamsSchema, response: { 200: z.object({ data: AssessmentWorkSchema }) } } },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(actor, request.params)
      const rows = await listAssessmentRows(app.db, ctx)
      const submitted = new Set(
        rows.filter((r) => r.status !== 'draft' && r.status !== 'returned').map((r) => r.scorer as Scorer),
      )
      const visible = visibleScorers(actor, ctx, submitted)
      const abilities: string[] = []
      for (const scorer of visible)
        if (can(actor, 'assessment.write', subject(ctx, scorer))) abilities.push(`assessment.write.${scorer}`)
      if (can(actor, 'assessment.review', subject(ctx, 'primary'))) abilities.push('assessment.review')
      const primary = rows.find((r) => r.scorer === 'primary')
      if (can(actor, 'assessment.validate', { ...subject(ctx, 'primary'), submittedBy: primary?.submittedBy ?? null }))
        abilities.push('assessment.validate')
      if (can(actor, 'assessment.unlock', subject(ctx, 'primary'))) abilities.push('assessment.unlock')
      if (ctx.options.doubleScoring && can(actor, 'assessment.review', subject(ctx, 'primary')))
        abilities.push('assessment.resolve')
      return {
        data: {
          discrepancy: detectDiscrepancy(ctx.indicator, await sourceAnswers(app.db, ctx), ctx.options.discrepancyShare),
          assessments: await presentAssessments(
            app.db,
            rows.filter((r) => visible.includes(r.scorer as Scorer)),
          ),
          doubleScoring: ctx.options.doubleScoring,
          abilities,
        },
      }
    },
  )

  app.put(
    base,
    {
      schema: {
        tags,
        params: AssessmentParamsSchema,
        querystring: ScorerQuerySchema,
        body: SaveAssessmentBodySchema,
        response: One,
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(actor, request.params)
      const { scorer } = request.query
      if (scorer === 'second' && !ctx.options.doubleScoring) throw notFound('This round has no second scorer')
      if (!can(actor, 'assessment.write', subject(ctx, scorer))) throw forbidden()
      await withTransaction(app.db, (trx) =>
        saveAssessment(trx, contextOf(request), ctx, scorer, ctx.experts[scorer], request.body),
      )
      return one(ctx, scorer)
    },
  )

  app.post(
    `${base}/submit`,
    {
      schema: {
        tags,
        params: AssessmentParamsSchema,
        querystring: ScorerQuerySchema,
        body: AssessmentVersionBodySchema,
        response: One,
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(actor, request.params)
      const { scorer } = request.query
      if (!can(actor, 'assessment.write', subject(ctx, scorer))) throw forbidden()
      await withTransaction(app.db, (trx) =>
        submitAssessment(trx, contextOf(request), ctx, scorer, request.body.version),
      )
      return one(ctx, scorer)
    },
  )

  app.post(
    `${base}/return`,
    {
      schema: {
        tags,
        params: AssessmentParamsSchema,
        querystring: ScorerQuerySchema,
        body: ReturnAssessmentBodySchema,
        response: One,
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(actor, request.params)
      const { scorer } = request.query
      if (!can(actor, 'assessment.review', subject(ctx, scorer))) throw forbidden()
      await withTransaction(app.db, (trx) => returnAssessment(trx, contextOf(request), ctx, scorer, request.body))
      return one(ctx, scorer)
    },
  )

  app.post(
    `${base}/validate`,
    { schema: { tags, params: AssessmentParamsSchema, body: AssessmentVersionBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(actor, request.params)
      const row = await findAssessmentRow(app.db, ctx, 'primary')
      if (!can(actor, 'assessment.validate', { ...subject(ctx, 'primary'), submittedBy: row?.submittedBy ?? null }))
        throw forbidden(
          can(actor, 'assessment.review', subject(ctx, 'primary'))
            ? 'Nobody validates their own assessment: another country lead must validate it'
            : undefined,
        )
      await withTransaction(app.db, (trx) => validateAssessment(trx, contextOf(request), ctx, request.body.version))
      return one(ctx, 'primary')
    },
  )

  app.post(
    `${base}/unlock`,
    { schema: { tags, params: AssessmentParamsSchema, body: UnlockAssessmentBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(actor, request.params)
      if (!can(actor, 'assessment.unlock', subject(ctx, 'primary'))) throw forbidden()
      await withTransaction(app.db, (trx) => unlockAssessment(trx, contextOf(request), ctx, request.body))
      return one(ctx, 'primary')
    },
  )

  app.get(
    '/api/rounds/:roundId/countries/:country/scores',
    { schema: { tags, params: RoundCountryParamsSchema, response: { 200: z.object({ data: AreaScoresSchema }) } } },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      if (!can(actor, 'assessment.read', { countryCode: country, expertId: null })) throw notFound('Scores not found')
      const scores = await areaScores(app.db, round, country)
      // The provisional score includes submitted, not yet validated (and possibly blind) scores: the lead's preview.
      if (!can(actor, 'assessment.review', { countryCode: country, expertId: null }))
        for (const area of scores.areas) area.provisionalScore = null
      return { data: scores }
    },
  )

  app.post(
    `${base}/resolve`,
    { schema: { tags, params: AssessmentParamsSchema, body: ResolveScoresBodySchema, response: One } },
    async (request) => {
      const actor = actorOf(request)
      const ctx = await context(actor, request.params)
      if (!can(actor, 'assessment.review', subject(ctx, 'primary'))) throw forbidden()
      await withTransaction(app.db, (trx) => resolveScores(trx, contextOf(request), ctx, request.body))
      return one(ctx, 'primary')
    },
  )

  app.get(
    '/api/rounds/:roundId/countries/:country/agreement',
    { schema: { tags, params: RoundCountryParamsSchema, response: { 200: z.object({ data: AgreementSchema }) } } },
    async (request) => {
      const actor = actorOf(request)
      const { roundId, country } = request.params
      const round = await getRoundCountryOrThrow(app.db, actor, roundId, country)
      if (!can(actor, 'assessment.read', { countryCode: country, expertId: null }))
        throw notFound('Agreement not found')
      return { data: await agreementOf(app.db, round, country) }
    },
  )
}
