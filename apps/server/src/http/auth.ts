import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Actor, RequestContext } from '../actor.ts'
import { readDataGeneration } from '../db/generation.ts'
import { AppError } from '../errors.ts'
import { SessionCache } from '../modules/auth/session-cache.ts'
import { findActorBySession, SESSION_COOKIE } from '../modules/auth/sessions.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    sessionId: string | null
    /** The data generation read at the start of this request (db/generation.ts), for read caches. */
    dataGeneration: Promise<string> | null
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

/** The data generation for this request, read once (one primary-key lookup) and shared by its read caches. */
export function dataGenerationOf(request: FastifyRequest): Promise<string> {
  request.dataGeneration ??= readDataGeneration(request.server.db)
  return request.dataGeneration
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id }
}

/** Loads the actor from the session cookie on every request; requires one unless the route is marked public. */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null)
  app.decorateRequest('sessionId', null)
  app.decorateRequest('dataGeneration', null)
  const sessions = new SessionCache()
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE]
    if (token && request.url.startsWith('/api/')) {
      const generation = await dataGenerationOf(request)
      const found = await findActorBySession(app.db, app.config, token, { cache: sessions, generation })
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
