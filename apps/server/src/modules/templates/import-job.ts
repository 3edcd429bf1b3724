import type { ErrorCode, TemplateImportJob, TemplateImportPhase } from '@thbm/shared'
import type { Actor } from '../../actor.ts'
import type { Database } from '../../db/database.ts'
import type { Engine } from '../../db/migrations/helpers.ts'
import { type Trx, withTransaction } from '../../db/transaction.ts'
import { AppError, notFound } from '../../errors.ts'
import { enqueueJob } from '../../jobs/enqueue.ts'
import { recordResultInTransaction, storedResult } from '../../jobs/finish.ts'
import { LeaseLostError } from '../../jobs/runner.ts'
import type { JobContext, JobDefinition, JobRow } from '../../jobs/types.ts'
import { can } from '../../policies.ts'
import { loadActor } from '../auth/sessions.ts'
import { type LoadedRound, loadRound } from '../rounds/rounds.queries.ts'
import { listBatches } from './import-batches.queries.ts'
import { type ImportOutcome, importTemplate, warmImport } from './import-template.ts'
import { readTemplate } from './read-template.ts'
import { dropUpload, readUpload } from './template-uploads.ts'

export const TEMPLATE_IMPORT_JOB = 'template.import'

/** What the upload route hands its job: where the workbook waits, for which round and country, from whom. */
export interface TemplateImportPayload {
  uploadId: string
  roundId: string
  countryCode: string
  actorId: string
  requestId: string | null
  fileName: string | null
  fileSha256: string
}

/** A job's result: the import's outcome, or the refusal the upload would have answered (nothing was imported). */
export type TemplateImportJobResult =
  | { ok: ImportOutcome }
  | { error: { code: ErrorCode; message: string; details: unknown } }

/** Refusals of the workbook or its answers: the job ends with them (retrying would not change them). */
const REFUSALS = new Set<ErrorCode>(['validation_failed', 'forbidden', 'conflict', 'invalid_state', 'not_found'])

/** Queues the import of a kept upload, in the upload's transaction; returns the job id. */
export const enqueueTemplateImport = (trx: Trx, payload: TemplateImportPayload) =>
  enqueueJob(trx, TEMPLATE_IMPORT_JOB, payload, { createdBy: payload.actorId })

/** Progress of each phase, as a share of the whole job (reading the workbook is quick). */
const PHASE_SPAN: Record<TemplateImportPhase, [number, number]> = {
  reading: [0, 0.05],
  checking: [0.05, 0.5],
  saving: [0.5, 1],
}
/** Least time between two progress records. */
const PROGRESS_MS = 250

/**
 * Imports a kept upload exactly as the upload route does (importTemplate in one transaction: all or nothing, the same
 * problems with their cells, the same audit rows and import batch) as the user who uploaded it. The job's result is
 * recorded in that same transaction while this worker holds the job (recordResultInTransaction): a worker that lost
 * its lease rolls back, and an attempt after a crash that followed the commit returns the recorded result, so an
 * upload is never applied twice. Progress is the rows checked, then saved; on SQLite, whose one connection the import
 * holds, it is recorded only outside the transaction (reading, then done).
 */
export function templateImportJob(options: { engine: Engine }): JobDefinition<TemplateImportPayload> {
  const maxAttempts = 3
  return {
    kind: TEMPLATE_IMPORT_JOB,
    maxAttempts,
    async run(payload, ctx) {
      const recorded = await storedResult(ctx.db, ctx.jobId)
      if (recorded !== undefined) return recorded
      try {
        return await runImport(payload, ctx, options.engine)
      } catch (err) {
        if (err instanceof AppError && REFUSALS.has(err.code)) {
          await dropUpload(ctx.db, payload.uploadId)
          return { error: { code: err.code, message: err.message, details: err.details ?? null } }
        }
        if (ctx.attempt >= maxAttempts) await dropUpload(ctx.db, payload.uploadId).catch(() => {})
        throw err
      }
    },
  }
}

async function runImport(
  payload: TemplateImportPayload,
  ctx: JobContext,
  engine: Engine,
): Promise<TemplateImportJobResult> {
  let last = 0
  const report = async (phase: TemplateImportPhase, done: number, total: number, inTransaction: boolean) => {
    if (ctx.signal.aborted) throw new Error('Stopped')
    const now = Date.now()
    if ((inTransaction && engine === 'sqlite') || now - last < PROGRESS_MS) return
    last = now
    const [from, to] = PHASE_SPAN[phase]
    await ctx.progress(from + ((to - from) * done) / Math.max(1, total), phase)
  }
  await report('reading', 0, 1, false)
  const data = await readUpload(ctx.db, payload.uploadId)
  if (!data) throw notFound('The uploaded workbook is no longer available; upload it again')
  const parsed = await readTemplate(data)
  const round = await loadRound(ctx.db, payload.roundId)
  if (!round) throw notFound('Round not found')
  const actor = await loadActor(ctx.db, payload.actorId)
  await warmImport(ctx.db, round)
  await report('checking', 0, 1, false)
  const req = { actor, requestId: payload.requestId }
  return withTransaction(ctx.db, async (trx) => {
    const input = {
      round,
      countryCode: payload.countryCode,
      parsed,
      source: 'upload' as const,
      fileName: payload.fileName,
      fileSha256: payload.fileSha256,
    }
    const outcome = await importTemplate(trx, req, actor, input, (phase, done, total) =>
      report(phase, done, total, true),
    )
    if (ctx.signal.aborted) throw new Error('Stopped')
    await dropUpload(trx, payload.uploadId)
    const result: TemplateImportJobResult = { ok: outcome }
    // Last: no progress is recorded after this (the job's row stays locked until the commit).
    if (!(await recordResultInTransaction(trx, ctx.jobId, ctx.workerId, result))) throw new LeaseLostError()
    return result
  })
}

/**
 * A template import job as its uploader sees it (404 for another kind of job, another round or country, or anyone
 * the job is not for): its progress until done, then the upload's result; a refusal throws the upload's own error.
 */
export async function templateImportView(
  db: Database,
  actor: Actor,
  round: LoadedRound,
  countryCode: string,
  jobId: string,
): Promise<TemplateImportJob> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirst()
  const payload = row?.kind === TEMPLATE_IMPORT_JOB ? (JSON.parse(row.payload) as TemplateImportPayload) : null
  if (!row || payload?.roundId !== round.row.id || payload.countryCode !== countryCode || !can(actor, 'job.read', row))
    throw notFound('Import not found')
  const result = row.result ? (JSON.parse(row.result) as TemplateImportJobResult) : null
  if (result && 'error' in result) throw new AppError(result.error.code, result.error.message, result.error.details)
  if (result && 'ok' in result) {
    const { batchId, unchanged, warnings } = result.ok
    const batch = batchId ? ((await listBatches(db, actor, round, countryCode, batchId))[0] ?? null) : null
    return { jobId, status: 'done', progress: 1, phase: null, result: { batch, unchanged, warnings } }
  }
  if (row.status === 'failed')
    throw new AppError(
      'internal',
      'The import could not be completed; nothing was imported. Upload the workbook again.',
    )
  return { jobId, status: row.status as TemplateImportJob['status'], ...progressOf(row) }
}

function progressOf(row: JobRow): Pick<TemplateImportJob, 'progress' | 'phase' | 'result'> {
  const phase = (Object.keys(PHASE_SPAN) as TemplateImportPhase[]).find((p) => p === row.progressNote) ?? null
  return { progress: Math.min(1, Math.max(0, Number(row.progress))), phase, result: null }
}
