import { isJobFinished, type JobStatus, type ReportQuery } from '@thbm/shared'
import type { Config } from '../../config.ts'
import type { DatabaseHandle } from '../../db/database.ts'
import { JobRunner } from '../../jobs/runner.ts'
import type { PublicationRow } from '../../modules/reports/publications.ts'
import { snapshotOf } from '../../modules/reports/publications.ts'
import { REPORT_RENDER_JOB, reportRenderJob } from '../../modules/reports/render-job.ts'
import {
  REPORT_CONTENT_TYPES,
  type RenderedReport,
  renderReport,
  reportFileName,
} from '../../modules/reports/render-report.ts'
import { findStoredDocument } from '../../modules/reports/report-documents.ts'
import { type ProgressBar, progressBar } from '../progress-bar.ts'

/** How long the CLI follows a rendering another process is doing before it renders the document itself. */
const WATCH_MS = 10 * 60_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The publication's report.render job while it is queued or running (enqueueJob wrote its payload as this text). */
const pendingRenderJob = (handle: DatabaseHandle, publicationId: string) =>
  handle.db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', REPORT_RENDER_JOB)
    .where('payload', '=', JSON.stringify({ publicationId }))
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst()

/**
 * Brings the publication's rendering to an end, drawing its progress: runs the job here when it is due, or follows it
 * while another process (the server) runs it. Stops early when it waits for a retry.
 */
async function finishRendering(handle: DatabaseHandle, config: Config, jobId: string, bar: ProgressBar) {
  const runner = new JobRunner({
    db: handle.db,
    engine: handle.engine,
    definitions: [reportRenderJob({ chromiumPath: config.chromiumPath, locales: config.prerenderLocales })],
    events: { onProgress: (_job, fraction, note) => bar.update(fraction, note) },
  })
  const deadline = Date.now() + WATCH_MS
  while (Date.now() < deadline) {
    if (await runner.runNext(jobId)) return
    const job = await handle.db
      .selectFrom('jobs')
      .select(['status', 'progress', 'progressNote', 'runAfter'])
      .where('id', '=', jobId)
      .executeTakeFirst()
    if (!job || isJobFinished(job.status as JobStatus)) return
    if (job.status === 'queued' && job.runAfter > new Date().toISOString()) return
    bar.update(Number(job.progress), job.progressNote)
    await sleep(500)
  }
}

/**
 * A published report's document: the stored one when its rendering job made it (finishing that job first, with a
 * progress bar on stderr, if it has not run yet), else rendered here from the snapshot.
 */
export async function publishedDocument(
  handle: DatabaseHandle,
  config: Config,
  row: PublicationRow,
  q: ReportQuery,
): Promise<RenderedReport> {
  const data = snapshotOf(row)
  const fileName = reportFileName(data, q, row.number)
  const stored = async () => findStoredDocument(handle.db, row.id, q)
  const bar = progressBar()
  let body = await stored()
  // Only the public documents of the configured locales are rendered by the job; anything else renders here.
  const byJob = q.disclosure === 'public' && config.prerenderLocales.includes(q.lang)
  const pending = body || !byJob ? null : await pendingRenderJob(handle, row.id)
  if (pending) {
    bar.update(0, 'rendering the published documents')
    await finishRendering(handle, config, pending.id, bar)
    body = await stored()
    bar.done(body ? 'stored documents ready' : 'not stored', body ? 1 : 0)
  }
  if (body) return { body, contentType: REPORT_CONTENT_TYPES[q.format], fileName }
  bar.update(0, `${q.format} ${q.lang}`)
  const out = await renderReport(data, q, { chromiumPath: config.chromiumPath, number: row.number })
  bar.done(`${q.format} ${q.lang}`)
  return out
}
