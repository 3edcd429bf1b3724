import type { ReportData, ReportQuery } from '@thbm/shared'
import type { FastifyReply } from 'fastify'
import type { Database } from '../../db/database.ts'
import { publishedDocuments } from './render-cache.ts'
import { REPORT_CONTENT_TYPES, type RenderedReport, renderReport, reportFileName } from './render-report.ts'
import { findStoredDocument } from './report-documents.ts'

/**
 * Sends a rendered report. HTML is shown inline (the app previews it in a frame of its own origin) under a CSP that
 * allows no script at all; other formats download. Documents of a publication (immutable) are the stored ones its
 * report.render job made, else rendered on the fly through the in-memory cache.
 */
export async function sendReport(
  reply: FastifyReply,
  data: ReportData,
  q: ReportQuery,
  options: {
    chromiumPath: string
    number?: number
    cache: 'public' | 'private'
    publicationId?: string
    db?: Database
  },
) {
  const render = () => renderReport(data, q, options)
  let out: RenderedReport
  const stored =
    options.publicationId && options.db ? await findStoredDocument(options.db, options.publicationId, q) : null
  if (stored)
    out = {
      body: stored,
      contentType: REPORT_CONTENT_TYPES[q.format],
      fileName: reportFileName(data, q, options.number),
    }
  else out = options.publicationId ? await publishedDocuments.get(options.publicationId, q, render) : await render()
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
