import type { TemplateImportJob } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../../test/test-app.ts'
import { claimJob } from '../../jobs/claim.ts'
import { completeJob } from '../../jobs/finish.ts'
import { JobRunner, LeaseLostError } from '../../jobs/runner.ts'
import type { JobContext, JobRow } from '../../jobs/types.ts'
import { TEMPLATE_IMPORT_JOB, type TemplateImportPayload, templateImportJob } from './import-job.ts'
import { collectingRound, type Edit, fillTemplate, templateTestApp, uploadTemplate } from './template-test-support.ts'

/**
 * Two installations set up alike: one imports every upload of more than 3 rows in the background (TEMPLATE_JOB_ROWS),
 * the other keeps the default (2,000 rows), so the same workbook goes through the job on one and the request on the
 * other, and the results can be compared.
 */
type Setup = Awaited<ReturnType<typeof templateTestApp>> & { roundId: string; template: Buffer }
let jobbed: Setup
let direct: Setup

async function setup(overrides: Record<string, string> = {}): Promise<Setup> {
  const s = await templateTestApp(overrides)
  const assigned = { 'IDN-4': [s.ngo.id], 'COR-5': [s.ngo.id], 'JUS-5': [s.ngo.id], 'IDN-8': [s.ngo.id] }
  const roundId = await collectingRound(s.t, s.cookies, s.versionId, assigned)
  const res = await s.t.app.inject({ method: 'GET', url: url(roundId), headers: { cookie: s.cookies.provider } })
  expect(res.statusCode, res.body).toBe(200)
  return { ...s, roundId, template: res.rawPayload }
}

const url = (roundId: string) => `/api/rounds/${roundId}/countries/RS/template`
/** The provider's template as it is now (answers saved since a download make the old one stale). */
async function fresh(s: Setup): Promise<Buffer> {
  const res = await s.t.app.inject({ method: 'GET', url: url(s.roundId), headers: { cookie: s.cookies.provider } })
  expect(res.statusCode, res.body).toBe(200)
  return res.rawPayload
}
const upload = (s: Setup, data: Buffer) => uploadTemplate(s.t, s.cookies.provider, url(s.roundId), data)
const view = (s: Setup, jobId: string) =>
  s.t.app.inject({ method: 'GET', url: `${url(s.roundId)}/imports/${jobId}`, headers: { cookie: s.cookies.provider } })
const definition = (t: TestApp) => templateImportJob({ engine: t.handle.engine })
const runner = (t: TestApp, workerId?: string) =>
  new JobRunner({ db: t.db, engine: t.handle.engine, definitions: [definition(t)], backoffMs: 1, workerId })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What an import left in the database, without ids and times: the answers, their cells, the batches, the audit. */
async function imported(s: Setup) {
  const { db } = s.t
  const answers = await db
    .selectFrom('answers')
    .select(['indicatorCode', 'status', 'version', 'valueNumber', 'valueNumerator', 'valueDenominator'])
    .select(['valueChoice', 'narrative', 'noData'])
    .where('roundId', '=', s.roundId)
    .orderBy('indicatorCode')
    .execute()
  const cells = await db
    .selectFrom('answerCells')
    .innerJoin('answers', 'answers.id', 'answerCells.answerId')
    .select(['answers.indicatorCode', 'answerCells.cellKey', 'answerCells.value'])
    .where('answers.roundId', '=', s.roundId)
    .orderBy('answers.indicatorCode')
    .orderBy('answerCells.cellKey')
    .execute()
  const batches = await db
    .selectFrom('importBatches')
    .select(['answersCreated', 'answersUpdated', 'source', 'fileName'])
    .where('roundId', '=', s.roundId)
    .execute()
  const audit = await db
    .selectFrom('auditEvents')
    .select(['action', 'actorId'])
    .where('action', 'in', ['answer.saved', 'importBatch.applied'])
    .orderBy('seq')
    .execute()
  const actor = (await db.selectFrom('importBatches').select('createdBy').executeTakeFirst())?.createdBy
  return { answers, cells, batches, audit: audit.map((a) => ({ action: a.action, byUploader: a.actorId === actor })) }
}

/** A job's result without ids and times (the batch's id, creator and dates differ between installations). */
function comparable(data: {
  batch: { counts: unknown; fileName: unknown } | null
  unchanged: number
  warnings: unknown
}) {
  return {
    counts: data.batch?.counts,
    fileName: data.batch?.fileName,
    unchanged: data.unchanged,
    warnings: data.warnings,
  }
}

const GOOD: Edit[] = [
  { code: 'IDN-4', key: 'cell:victim_status=identified', value: 12 },
  { code: 'IDN-4', key: 'cell:victim_status=presumed', value: 3 },
  { code: 'JUS-5', key: 'number', value: 7 },
  { code: 'IDN-8', key: 'choice', value: 'yes' },
  { code: 'IDN-8', key: 'narrative', value: 'Checked against the 2026 report.' },
]
const BAD: Edit[] = [
  { code: 'JUS-5', key: 'number', value: -1 },
  { code: 'IDN-8', key: 'choice', value: 'maybe' },
  { code: 'IDN-4', key: 'cell:victim_status=identified', value: 'x' },
]

beforeAll(async () => {
  ;[jobbed, direct] = await Promise.all([setup({ TEMPLATE_JOB_ROWS: '3' }), setup()])
}, 60_000)
afterAll(async () => {
  await jobbed?.t.close()
  await direct?.t.close()
})

describe('a large template upload', () => {
  it('becomes a job (202) whose result and saved answers equal the synchronous import of the same workbook', async () => {
    const [forJob, forRequest] = await Promise.all([
      fillTemplate(jobbed.template, GOOD),
      fillTemplate(direct.template, GOOD),
    ])
    const sync = await upload(direct, forRequest)
    expect(sync.statusCode, sync.body).toBe(200)

    const accepted = await upload(jobbed, forJob)
    expect(accepted.statusCode, accepted.body).toBe(202)
    const queued = accepted.json().data as TemplateImportJob
    expect(queued).toMatchObject({ status: 'queued', progress: 0, result: null })
    expect((await view(jobbed, queued.jobId)).json().data).toMatchObject({ status: 'queued', result: null })
    expect(await jobbed.t.db.selectFrom('importBatches').select('id').execute()).toEqual([])

    const ran = await runner(jobbed.t).runUntilIdle()
    expect(ran.map((r) => r.outcome.status)).toEqual(['done'])
    const done = await view(jobbed, queued.jobId)
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json().data).toMatchObject({ jobId: queued.jobId, status: 'done', progress: 1 })
    expect(comparable(done.json().data.result)).toEqual(comparable(sync.json().data))
    expect(done.json().data.result.batch.counts).toEqual({ created: 3, updated: 0 })
    expect(await imported(jobbed)).toEqual(await imported(direct))
    // The kept workbook is gone with its job; the job is the uploader's to follow, and nobody else's.
    expect(await jobbed.t.db.selectFrom('templateUploads').select('id').execute()).toEqual([])
    const other = await jobbed.t.app.inject({
      method: 'GET',
      url: `${url(jobbed.roundId)}/imports/${queued.jobId}`,
      headers: { cookie: jobbed.cookies.police },
    })
    expect(other.statusCode).toBe(404)
  })

  it('refused by its values, answers with the same problems at the same cells as the synchronous import', async () => {
    const sync = await upload(direct, await fillTemplate(await fresh(direct), BAD))
    expect(sync.statusCode).toBe(400)
    const before = await imported(jobbed)
    const accepted = await upload(jobbed, await fillTemplate(await fresh(jobbed), BAD))
    expect(accepted.statusCode, accepted.body).toBe(202)
    await runner(jobbed.t).runUntilIdle()
    const refused = await view(jobbed, accepted.json().data.jobId)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error).toEqual({ ...sync.json().error })
    expect(refused.json().error.details.issues).toHaveLength(3)
    expect(await imported(jobbed)).toEqual(before)
  })

  it('is refused at once, without a job, when it belongs to another round', async () => {
    const other = await collectingRound(
      jobbed.t,
      jobbed.cookies,
      jobbed.versionId,
      { 'IDN-8': [jobbed.ngo.id] },
      {
        from: '2025-01-01',
        to: '2025-12-31',
      },
    )
    const jobs = await jobbed.t.db.selectFrom('jobs').select('id').execute()
    const res = await uploadTemplate(jobbed.t, jobbed.cookies.provider, url(other), jobbed.template)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'Signature!B3' })])
    expect(await jobbed.t.db.selectFrom('jobs').select('id').execute()).toEqual(jobs)
  })
})

describe('an interrupted template import job', () => {
  /** A fresh round with a queued import job for the good edits; returns the job. */
  async function queuedImport(): Promise<{ s: Setup; job: JobRow; payload: TemplateImportPayload }> {
    const roundId = await collectingRound(jobbed.t, jobbed.cookies, jobbed.versionId, {
      'IDN-4': [jobbed.ngo.id],
      'JUS-5': [jobbed.ngo.id],
      'IDN-8': [jobbed.ngo.id],
    })
    const res = await jobbed.t.app.inject({
      method: 'GET',
      url: url(roundId),
      headers: { cookie: jobbed.cookies.provider },
    })
    const s = { ...jobbed, roundId, template: res.rawPayload }
    const accepted = await upload(s, await fillTemplate(s.template, GOOD))
    expect(accepted.statusCode, accepted.body).toBe(202)
    const job = await jobbed.t.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', accepted.json().data.jobId)
      .executeTakeFirstOrThrow()
    return { s, job, payload: JSON.parse(job.payload) }
  }
  const batchesOf = (s: Setup) =>
    s.t.db.selectFrom('importBatches').select(['id', 'answersCreated']).where('roundId', '=', s.roundId).execute()
  const claimAs = (t: TestApp, workerId: string, id: string, leaseMs = 60_000) =>
    claimJob(t.db, { engine: t.handle.engine, workerId, kinds: [TEMPLATE_IMPORT_JOB], leaseMs, id })
  const contextOf = (t: TestApp, job: JobRow, workerId: string): JobContext => ({
    jobId: job.id,
    attempt: job.attempts,
    workerId,
    db: t.db,
    signal: new AbortController().signal,
    progress: async () => {},
  })

  it('whose worker died is taken over when its lease expires and applied once', async () => {
    const { s, job, payload } = await queuedImport()
    expect(await claimAs(s.t, 'crashed', job.id, 1)).not.toBeNull()
    await sleep(20)
    const ran = await runner(s.t, 'b').runUntilIdle()
    expect(ran.map((r) => [r.job.id, r.outcome.status])).toEqual([[job.id, 'done']])
    expect(await batchesOf(s)).toHaveLength(1)
    // The worker that was thought dead wakes up and finishes its attempt: it finds the recorded result.
    const late = await definition(s.t).run(payload, contextOf(s.t, job, 'crashed'))
    expect(late).toMatchObject({ ok: { unchanged: 0 } })
    expect(await batchesOf(s)).toHaveLength(1)
    expect((await view(s, job.id)).json().data.result.batch.counts).toEqual({ created: 3, updated: 0 })
  })

  it('whose worker lost its lease mid-way rolls back, and the new holder applies it once', async () => {
    const { s, job, payload } = await queuedImport()
    const first = (await claimAs(s.t, 'slow', job.id, 1)) as JobRow
    await sleep(20)
    const second = (await claimAs(s.t, 'taker', job.id)) as JobRow
    expect(second.attempts).toBe(2)
    // The slow worker does all the work, then finds at its commit that the job is no longer its own.
    await expect(definition(s.t).run(payload, contextOf(s.t, first, 'slow'))).rejects.toBeInstanceOf(LeaseLostError)
    expect(await batchesOf(s)).toEqual([])
    const result = await definition(s.t).run(payload, contextOf(s.t, second, 'taker'))
    expect(await completeJob(s.t.db, second, definition(s.t), 'taker', result)).toMatchObject({ status: 'done' })
    expect(await batchesOf(s)).toEqual([expect.objectContaining({ answersCreated: 3 })])
  })

  it('stopped by a shutdown goes back to the queue untouched and is applied once by the next worker', async () => {
    const { s, job } = await queuedImport()
    const stoppedWith: string[] = []
    const stopping = new JobRunner({
      db: s.t.db,
      engine: s.t.handle.engine,
      definitions: [definition(s.t)],
      pollMs: 10,
      // The first progress report (the workbook is being read) comes with a shutdown.
      events: { onProgress: () => void stopping.stop(), onFinish: (_job, outcome) => stoppedWith.push(outcome.status) },
    })
    stopping.start()
    for (let i = 0; i < 500 && !stoppedWith.length; i++) await sleep(10)
    await stopping.stop()
    expect(stoppedWith).toEqual(['released'])
    const row = await s.t.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('id', '=', job.id)
      .executeTakeFirst()
    expect(row).toEqual({ status: 'queued', attempts: 0 })
    expect(await batchesOf(s)).toEqual([])
    const uploadId = (JSON.parse(job.payload) as TemplateImportPayload).uploadId
    expect(await s.t.db.selectFrom('templateUploads').select('id').where('id', '=', uploadId).execute()).toHaveLength(1)
    const outcomes: string[] = []
    const watched = new JobRunner({
      db: s.t.db,
      engine: s.t.handle.engine,
      definitions: [definition(s.t)],
      events: { onFinish: (_job, outcome) => outcomes.push(outcome.status) },
    })
    await watched.runUntilIdle()
    expect(outcomes).toEqual(['done'])
    expect(await batchesOf(s)).toEqual([expect.objectContaining({ answersCreated: 3 })])
  })
})
