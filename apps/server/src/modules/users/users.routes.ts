import {
  CreateInvitationBodySchema,
  IdParamsSchema,
  InvitationIdSchema,
  MembershipInputSchema,
  MembershipParamsSchema,
  OkResponseSchema,
  OneTimeLinkSchema,
  PendingInvitationSchema,
  UpdateUserBodySchema,
  UserListQuerySchema,
  UserSchema,
} from '@thbm/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { withTransaction } from '../../db/transaction.ts'
import { notFound } from '../../errors.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { authorize, can } from '../../policies.ts'
import { createPasswordReset } from './create-password-reset.ts'
import { addMembership, assertValidGrant } from './grants.ts'
import { findPendingInvitations, revokeInvitation } from './invitations.ts'
import { inviteUser } from './invite-user.ts'
import { removeMembership } from './remove-membership.ts'
import { updateUser } from './update-user.ts'
import { presentUser } from './users.presenter.ts'
import { findUsersForActor, getUserOrThrow, toSubject } from './users.queries.ts'

const tags = ['users']

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const loadUser = (request: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(request)
    return getUserOrThrow(app.db, id, (u) => can(actor, 'user.read', u))
  }

  app.get(
    '/api/users',
    { schema: { tags, querystring: UserListQuerySchema, response: { 200: z.object({ data: z.array(UserSchema) }) } } },
    async (request) => {
      const actor = actorOf(request)
      authorize(actor, 'user.list', null)
      const users = await findUsersForActor(app.db, actor, request.query)
      return { data: users.map((u) => presentUser(actor, u)) }
    },
  )

  app.get(
    '/api/users/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: z.object({ data: UserSchema }) } } },
    async (request) => {
      const user = await loadUser(request, request.params.id)
      return { data: presentUser(actorOf(request), user) }
    },
  )

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: z.object({ data: UserSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const user = await loadUser(request, request.params.id)
      authorize(actor, 'user.update', toSubject(user))
      await withTransaction(app.db, (trx) => updateUser(trx, contextOf(request), user, request.body))
      return { data: presentUser(actor, await loadUser(request, user.id)) }
    },
  )

  app.post(
    '/api/users/:id/password-reset',
    { schema: { tags, params: IdParamsSchema, response: { 201: OneTimeLinkSchema } } },
    async (request, reply) => {
      const actor = actorOf(request)
      const user = await loadUser(request, request.params.id)
      authorize(actor, 'user.resetPassword', toSubject(user))
      const countryCode = user.memberships.find((m) => m.countryCode)?.countryCode ?? null
      const link = await withTransaction(app.db, (trx) =>
        createPasswordReset(trx, contextOf(request), app.config, { id: user.id, email: user.email, countryCode }),
      )
      return reply.status(201).send(link)
    },
  )

  app.post(
    '/api/users/:id/memberships',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: MembershipInputSchema,
        response: { 201: z.object({ data: UserSchema }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const user = await loadUser(request, request.params.id)
      authorize(actor, 'membership.create', request.body)
      await withTransaction(app.db, async (trx) => {
        await assertValidGrant(trx, request.body)
        await addMembership(trx, contextOf(request), user.id, request.body)
      })
      return reply.status(201).send({ data: presentUser(actor, await loadUser(request, user.id)) })
    },
  )

  app.delete(
    '/api/users/:id/memberships/:membershipId',
    { schema: { tags, params: MembershipParamsSchema, response: { 200: z.object({ data: UserSchema }) } } },
    async (request) => {
      const actor = actorOf(request)
      const user = await loadUser(request, request.params.id)
      const membership = user.memberships.find((m) => m.id === request.params.membershipId)
      if (!membership) throw notFound('Membership not found')
      authorize(actor, 'membership.delete', membership)
      await withTransaction(app.db, (trx) => removeMembership(trx, contextOf(request), user.id, membership))
      // Removing the last role a lead can see hides the user from that lead; the answer still shows the outcome.
      return { data: presentUser(actor, await getUserOrThrow(app.db, user.id, () => true)) }
    },
  )

  app.get(
    '/api/invitations',
    { schema: { tags, response: { 200: z.object({ data: z.array(PendingInvitationSchema) }) } } },
    async (request) => {
      const actor = actorOf(request)
      authorize(actor, 'user.list', null)
      return { data: await findPendingInvitations(app.db, actor) }
    },
  )

  app.post(
    '/api/invitations',
    { schema: { tags, body: CreateInvitationBodySchema, response: { 201: OneTimeLinkSchema } } },
    async (request, reply) => {
      authorize(actorOf(request), 'user.invite', request.body)
      const link = await withTransaction(app.db, (trx) => inviteUser(trx, contextOf(request), app.config, request.body))
      return reply.status(201).send(link)
    },
  )

  app.delete(
    '/api/invitations/:id',
    { schema: { tags, params: z.object({ id: InvitationIdSchema }), response: { 200: OkResponseSchema } } },
    async (request) => {
      const actor = actorOf(request)
      await withTransaction(app.db, (trx) => revokeInvitation(trx, contextOf(request), actor, request.params.id))
      return { ok: true as const }
    },
  )
}
