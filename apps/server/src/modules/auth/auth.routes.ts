import {
  AcceptInvitationBodySchema,
  ChangePasswordBodySchema,
  CompletePasswordResetBodySchema,
  InvitationInfoSchema,
  LoginBodySchema,
  MeResponseSchema,
  OkResponseSchema,
  type Role,
  TokenSchema,
  UpdateProfileBodySchema,
} from '@thbm/shared'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { withTransaction } from '../../db/transaction.ts'
import { actorOf, contextOf } from '../../http/auth.ts'
import { acceptInvitation, assertInvitationPassword } from './accept-invitation.ts'
import { presentMe } from './auth.presenter.ts'
import { assertCurrentPassword, changePassword } from './change-password.ts'
import { completePasswordReset } from './complete-password-reset.ts'
import { getUsableLinkOrThrow } from './one-time-links.ts'
import { loadActor, SESSION_COOKIE } from './sessions.ts'
import { signIn } from './sign-in.ts'
import { signOut } from './sign-out.ts'
import { updateProfile } from './update-profile.ts'

const tags = ['auth']

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: string) {
    const secure = app.config.cookieSecure === 'auto' ? request.protocol === 'https' : app.config.cookieSecure
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      expires: new Date(expiresAt),
    })
  }

  app.post(
    '/api/auth/login',
    { config: { public: true }, schema: { tags, body: LoginBodySchema, response: { 200: MeResponseSchema } } },
    async (request, reply) => {
      const session = await signIn(app.db, app.config, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      })
      setSessionCookie(request, reply, session.token, session.expiresAt)
      return presentMe(app.db, await loadActor(app.db, session.userId))
    },
  )

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags, response: { 200: OkResponseSchema } } },
    async (request, reply) => {
      const sessionId = request.sessionId
      if (sessionId) await withTransaction(app.db, (trx) => signOut(trx, contextOf(request), sessionId))
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return { ok: true as const }
    },
  )

  app.get('/api/auth/me', { schema: { tags, response: { 200: MeResponseSchema } } }, async (request) =>
    presentMe(app.db, actorOf(request)),
  )

  app.patch(
    '/api/auth/me',
    { schema: { tags, body: UpdateProfileBodySchema, response: { 200: MeResponseSchema } } },
    async (request) => {
      const actor = actorOf(request)
      await withTransaction(app.db, (trx) => updateProfile(trx, contextOf(request), actor, request.body))
      return presentMe(app.db, actor)
    },
  )

  app.post(
    '/api/auth/password',
    { schema: { tags, body: ChangePasswordBodySchema, response: { 200: OkResponseSchema } } },
    async (request) => {
      const actor = actorOf(request)
      const sessionId = request.sessionId as string
      await assertCurrentPassword(app.db, app.config, actor, request.body.currentPassword, request.ip)
      await withTransaction(app.db, (trx) =>
        changePassword(trx, contextOf(request), { actor, sessionId, ...request.body }),
      )
      return { ok: true as const }
    },
  )

  app.get(
    '/api/auth/invitations/:token',
    {
      config: { public: true },
      schema: { tags, params: z.object({ token: TokenSchema }), response: { 200: InvitationInfoSchema } },
    },
    async (request) => {
      const link = await getUsableLinkOrThrow(app.db, 'invitation', request.params.token)
      const org = link.organisationId
        ? await app.db
            .selectFrom('organisations')
            .select('name')
            .where('id', '=', link.organisationId)
            .executeTakeFirst()
        : undefined
      return {
        email: link.email,
        name: link.name,
        role: link.role as Role,
        countryCode: link.countryCode,
        organisationName: org?.name ?? null,
        expiresAt: link.expiresAt,
      }
    },
  )

  app.post(
    '/api/auth/invitations/accept',
    {
      config: { public: true },
      schema: { tags, body: AcceptInvitationBodySchema, response: { 200: MeResponseSchema } },
    },
    async (request, reply) => {
      await assertInvitationPassword(app.db, app.config, { ...request.body, ip: request.ip })
      const session = await withTransaction(app.db, (trx) =>
        acceptInvitation(trx, app.config, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
        }),
      )
      setSessionCookie(request, reply, session.token, session.expiresAt)
      return presentMe(app.db, await loadActor(app.db, session.userId))
    },
  )

  app.post(
    '/api/auth/password-reset',
    {
      config: { public: true },
      schema: { tags, body: CompletePasswordResetBodySchema, response: { 200: OkResponseSchema } },
    },
    async (request) => {
      await withTransaction(app.db, (trx) => completePasswordReset(trx, { ...request.body, requestId: request.id }))
      return { ok: true as const }
    },
  )
}
