import {
  CreateOrganisationBodySchema,
  IdParamsSchema,
  type Organisation,
  OrganisationListQuerySchema,
  OrganisationSchema,
  type OrganisationType,
  UpdateOrganisationBodySchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Actor } from '../../actor.ts'
import { toBool } from '../../db/portable.ts'
import { withTransaction } from '../../db/transaction.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { abilitiesFor, authorize } from '../../policies.ts'
import { createOrganisation } from './create-organisation.ts'
import { findOrganisations, getOrganisationOrThrow, type OrganisationRow } from './organisations.queries.ts'
import { updateOrganisation } from './update-organisation.ts'

function presentOrganisation(actor: Actor, row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    type: row.type as OrganisationType,
    countryCode: row.countryCode,
    active: toBool(row.active),
    version: row.version,
    abilities: abilitiesFor(actor, ['organisation.update'], row),
  }
}

const One = z.object({ data: OrganisationSchema })

export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reference data']

  app.get(
    '/api/organisations',
    {
      schema: {
        tags,
        querystring: OrganisationListQuerySchema,
        response: { 200: z.object({ data: z.array(OrganisationSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const rows = await findOrganisations(app.db, actor, {
        ...request.query,
        includeInactive: request.query.includeInactive === 'true',
      })
      return { data: rows.map((r) => presentOrganisation(actor, r)) }
    },
  )

  app.get(
    '/api/organisations/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: One } } },
    async (request) => {
      const actor = actorOf(request)
      return { data: presentOrganisation(actor, await getOrganisationOrThrow(app.db, actor, request.params.id)) }
    },
  )

  app.post(
    '/api/organisations',
    { schema: { tags, body: CreateOrganisationBodySchema, response: { 201: One } } },
    async (request, reply) => {
      const actor = actorOf(request)
      authorize(actor, 'organisation.create', request.body)
      const id = await withTransaction(app.db, (trx) => createOrganisation(trx, contextOf(request), request.body))
      return reply
        .status(201)
        .send({ data: presentOrganisation(actor, await getOrganisationOrThrow(app.db, actor, id)) })
    },
  )

  app.patch(
    '/api/organisations/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateOrganisationBodySchema, response: { 200: One } } },
    async (request) => {
      const actor = actorOf(request)
      const org = await getOrganisationOrThrow(app.db, actor, request.params.id)
      authorize(actor, 'organisation.update', org)
      await withTransaction(app.db, (trx) => updateOrganisation(trx, contextOf(request), org, request.body))
      return { data: presentOrganisation(actor, await getOrganisationOrThrow(app.db, actor, org.id)) }
    },
  )
}
