import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import helmet from 'helmet'
import { forbidden } from '../errors.ts'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function allowedOrigins(request: FastifyRequest, publicUrl: string | undefined): Set<string> {
  const origins = new Set<string>()
  if (publicUrl) origins.add(new URL(publicUrl).origin)
  origins.add(`${request.protocol}://${request.host}`)
  return origins
}

/**
 * CSRF protection for cookie-authenticated writes: browsers send Origin (and Sec-Fetch-Site) on every unsafe
 * request, so a write whose Origin is not this site is refused. Clients that send neither (CLI, curl) carry no
 * ambient browser cookies to abuse.
 */
export function isCrossSiteWrite(request: FastifyRequest, publicUrl: string | undefined): boolean {
  if (!UNSAFE.has(request.method)) return false
  const origin = request.headers.origin
  if (origin !== undefined) return origin === 'null' || !allowedOrigins(request, publicUrl).has(origin)
  const site = request.headers['sec-fetch-site']
  return site === 'cross-site' || site === 'same-site'
}

/** Security headers with a CSP the app itself passes, per-IP rate limiting, and the Origin check on writes. */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
  // Helmet's middleware is built once: the Fastify plugin built it (and parsed the CSP) again on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(app.config.cookieSecure === true ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: app.config.cookieSecure === true,
    crossOriginEmbedderPolicy: false,
  })
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  )
  await app.register(rateLimit, {
    global: true,
    max: app.config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => !request.url.startsWith('/api/'),
  })
  app.addHook('onRequest', async (request) => {
    if (isCrossSiteWrite(request, app.config.publicUrl)) throw forbidden('Cross-site request refused')
  })
}
