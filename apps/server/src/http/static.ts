import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.ts'

/**
 * Serves the built web app: hashed assets cached for a year, index.html never cached, the build's compressed copies
 * to browsers that accept them, and index.html for every unknown page path so the client-side router can take it.
 * Unknown /api paths stay JSON 404s. Files are looked up per request (wildcard), so a rebuild is served without a
 * restart.
 */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const root = app.config.webDist
  const hasBuild = fs.existsSync(path.join(root, 'index.html'))
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root,
      wildcard: true,
      index: 'index.html',
      // The build writes `.br` and `.gz` beside each script, stylesheet and page (apps/web/vite.config.ts): sent
      // to browsers that accept them, the plain file otherwise.
      preCompressed: true,
      setHeaders(reply, filePath) {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`)
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !path.extname(request.url.split('?')[0] ?? '')
    if (isPage && hasBuild) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html')
    }
    if (isPage) {
      return reply
        .status(503)
        .type('text/plain')
        .send('The web app is not built. Run `npm run build` (or `npm start`).')
    }
    throw new AppError('not_found', 'Not found')
  })
}
