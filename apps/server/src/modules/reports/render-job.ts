import { LOCALES, type Locale, type ReportFormat, type ReportQuery } from '@thbm/shared'
import type { Trx } from '../../db/transaction.ts'
import { AppError } from '../../errors.ts'
import { enqueueJob } from '../../jobs/enqueue.ts'
import type { JobDefinition } from '../../jobs/types.ts'
import { snapshotOf } from './publications.ts'
import { renderReport } from './render-report.ts'
import { documentKey, storeDocument, storedDocumentKeys } from './report-documents.ts'

export const REPORT_RENDER_JOB = 'report.render'

/** PDF last: it is the slowest, and the one that fails when Chromium is missing. */
const FORMATS: readonly ReportFormat[] = ['html', 'docx', 'xlsx', 'pdf']

/** The documents a publication's job renders: every format in each locale (all by default), public. */
export const publicationDocuments = (locales: readonly Locale[] = LOCALES): ReportQuery[] =>
  FORMATS.flatMap((format) => locales.map((lang) => ({ format, lang, disclosure: 'public' as const })))

/** Queues the rendering of a publication's documents, in the publication's own transaction. */
export const enqueueReportRender = (trx: Trx, publicationId: string, createdBy: string | null) =>
  enqueueJob(trx, REPORT_RENDER_JOB, { publicationId }, { createdBy })

/** True for the error renderPdf throws when Chromium is not installed: retrying will not help. */
const isMissingChromium = (err: unknown) =>
  err instanceof AppError && (err.details as { dependency?: string } | undefined)?.dependency === 'chromium'

/**
 * Renders a publication's documents (in every UI locale unless `locales` narrows it, config.prerenderLocales) from its
 * snapshot and stores each as it is done (a retry renders only the missing ones). Without Chromium the PDFs are recorded as failed in the result and the others are kept; any other
 * failure fails the attempt, to be retried.
 */
export function reportRenderJob(options: {
  chromiumPath: string
  locales?: readonly Locale[]
}): JobDefinition<{ publicationId: string }> {
  const documents = publicationDocuments(options.locales)
  return {
    kind: REPORT_RENDER_JOB,
    maxAttempts: 3,
    async run({ publicationId }, ctx) {
      const row = await ctx.db
        .selectFrom('reportPublications')
        .selectAll()
        .where('id', '=', publicationId)
        .executeTakeFirst()
      if (!row) return { stored: 0, failed: [], missing: true }
      const data = snapshotOf(row)
      const done = await storedDocumentKeys(ctx.db, publicationId)
      const failed: { format: string; lang: string; error: string }[] = []
      let retry: unknown = null
      for (const [i, q] of documents.entries()) {
        await ctx.progress(i / documents.length, `${q.format} ${q.lang}`)
        if (ctx.signal.aborted) throw new Error('Stopped')
        if (done.has(documentKey(q))) continue
        // Rendering is synchronous work in the app process: let waiting requests through between documents.
        await new Promise((resolve) => setImmediate(resolve))
        try {
          const out = await renderReport(data, q, { chromiumPath: options.chromiumPath, number: row.number })
          await storeDocument(ctx.db, publicationId, q, out.body)
        } catch (err) {
          if (!isMissingChromium(err)) retry ??= err
          failed.push({ format: q.format, lang: q.lang, error: err instanceof Error ? err.message : String(err) })
        }
      }
      if (retry) throw retry
      await ctx.progress(1, failed.length ? `${failed.length} not rendered` : 'ready')
      return { stored: documents.length - failed.length, failed }
    },
  }
}
