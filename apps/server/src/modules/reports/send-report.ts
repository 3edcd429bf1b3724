import type { ReportData, ReportQuery } from '@thbm/shared'
import type { FastifyReply } from 'fastify'
import { publishedDocuments } from './render-cache.ts'
import { renderReport } from './render-report.ts'

/**
 * Sends a rendered report. HTML is shown inline (the app previews it in a frame of its own origin) under a CSP that
 * allows no script at all; other formats download. Documents of a publication (immutable) come from the cache.
 */
export async function sendReport(
  reply: FastifyReply,
  data: ReportData,
  q: ReportQuery,
  options: { chromiumPath: string; number?: number; cache: 'public' | 'private'; publicationId?: string },
) {
  const render = () => renderReport(data, q, options)
  const out = options.publicationId ? await publishedDocuments.get(options.publicationId, q, render) : await render()
  const disposition = q.format === 'html' ? 'inline' : 'attachment'
  reply.header('content-disposition', `${disposition}; filename="${out.fileName}"`)
  reply.header('cache-control', options.cache === 'public' ? 'public, max-age=300' : 'private, no-store')
  if (q.format === 'html')
    reply.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
    )
  return reply.type(out.contentType).send(out.body)
}
