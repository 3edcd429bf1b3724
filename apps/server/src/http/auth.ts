import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Actor, RequestContext } from '../actor.ts'
import { AppError } from '../errors.ts'
import { findActorBySession, SESSION_COOKIE } from '../modules/auth/sessions.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    sessionId: string | null
  }
  interface FastifyContextConfig {
    /** The route answers without a session. Every other route requires one. */
    public?: boolean
  }
}

/** The signed-in actor; the global guard has already rejected anonymous requests on non-public routes. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in to continue')
  return request.actor
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id }
}

/** Loads the actor from the session cookie on every request; requires one unless the route is marked public. */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null)
  app.decorateRequest('sessionId', null)
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE]
    if (token && request.url.startsWith('/api/')) {
      const found = await findActorBySession(app.db, app.config, token)
      if (found) {
        request.actor = found.actor
        request.sessionId = found.sessionId
      }
    }
    if (!request.actor && !request.routeOptions.config.public && request.url.startsWith('/api/')) {
      throw new AppError('unauthenticated', 'Sign in to continue')
    }
  })
}
