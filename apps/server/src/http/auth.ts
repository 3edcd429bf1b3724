import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Actor, RequestContext } from '../actor.ts'
import { currentGenerations, type Generations } from '../db/generation.ts'
import { AppError } from '../errors.ts'
import { SessionCache } from '../modules/auth/session-cache.ts'
import { findActorBySession, SESSION_COOKIE } from '../modules/auth/sessions.ts'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
    sessionId: string | null
    /** The generations read at the start of this request (db/generation.ts), for read caches. */
    generations: Promise<Generations> | null
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

/**
 * The generations for this request, read once after the request arrived (shared with the requests that arrived
 * together, db/generation.ts) and used by its read caches.
 */
export function generationsOf(request: FastifyRequest): Promise<Generations> {
  request.generations ??= currentGenerations(request.server.dbHandle)
  return request.generations
}

/** The data generation for this request (generationsOf): caches of data that any write may change use it. */
export async function dataGenerationOf(request: FastifyRequest): Promise<string> {
  return (await generationsOf(request)).data
}

/** The setup generation for this request (generationsOf): caches of what saving answers never changes use it. */
export async function setupGenerationOf(request: FastifyRequest): Promise<string> {
  return (await generationsOf(request)).setup
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id }
}

/** Loads the actor from the session cookie on every request; requires one unless the route is marked public. */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null)
  app.decorateRequest('sessionId', null)
  app.decorateRequest('generations', null)
  const sessions = new SessionCache()
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE]
    if (token && request.url.startsWith('/api/')) {
      // Signing out, a password change, a deactivation or a membership change is a setup change.
      const generation = await setupGenerationOf(request)
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
