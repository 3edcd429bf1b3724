import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { withTransaction } from '../db/transaction.ts'
import { claimJob } from './claim.ts'
import { enqueueJob, ensureRecurringJobs, recurringJobId } from './enqueue.ts'
import { completeJob } from './finish.ts'
import { recorder, secondInstance, sleep, uniqueKind } from './jobs-test-support.ts'
import { JobRunner, type RunnerOptions } from './runner.ts'

let t: TestApp
let other: DatabaseHandle

const runner = (definitions: RunnerOptions['definitions'], options: Partial<RunnerOptions> = {}) =>
  new JobRunner({ db: t.db, engine: t.handle.engine, definitions, backoffMs: 1, ...options })
const jobOf = (id: string) => t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

beforeAll(async () => {
  t = await createTestApp()
  other = await secondInstance(t)
})
afterAll(async () => {
  await other?.close()
  await t?.close()
})

describe('the job runner', () => {
  it('never runs a job enqueued in a transaction that rolled back', async () => {
    const kind = uniqueKind('rollback')
    const rec = recorder(kind)
    await expect(
      withTransaction(t.db, async (trx) => {
        await enqueueJob(trx, kind, { n: 1 })
        throw new Error('the change fails')
      }),
    ).rejects.toThrow('the change fails')
    const committed = await withTransaction(t.db, (trx) => enqueueJob(trx, kind, { n: 2 }))
    const ran = await runner([rec.definition]).runUntilIdle()
    expect(ran.map((r) => r.job.id)).toEqual([committed])
    expect(rec.calls.map((c) => c.payload)).toEqual([{ n: 2 }])
    expect(await t.db.selectFrom('jobs').select('id').where('kind', '=', kind).execute()).toHaveLength(1)
  })

  it('two instances working one queue run every job exactly once, never one job twice at a time', async () => {
    const kind = uniqueKind('many')
    const rec = recorder(kind, { delayMs: 3 })
    const ids: string[] = []
    for (let i = 0; i < 40; i++) ids.push(await enqueueJob(t.db, kind, { i }))
    const here = runner([rec.definition], { workerId: 'instance-a' })
    const there = new JobRunner({ db: other.db, engine: other.engine, definitions: [rec.definition], workerId: 'b' })
    // Three loops: two on this instance (in one process they still claim one job at a time each), one on the other.
    const runs = await Promise.all([here.runUntilIdle(), there.runUntilIdle(), here.runUntilIdle()])
    expect(rec.overlaps()).toBe(0)
    expect(rec.calls.map((c) => c.jobId).sort()).toEqual([...ids].sort())
    expect(
      runs
        .flat()
        .map((r) => r.job.id)
        .sort(),
    ).toEqual([...ids].sort())
    // Both instances took part.
    expect(runs.map((r) => r.length).every((n) => n > 0)).toBe(true)
    const rows = await t.db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', kind).execute()
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true)
  })

  it('keeps the lease of a long job alive, so no other worker takes it meanwhile', async () => {
    const kind = uniqueKind('long')
    const rec = recorder(kind, { delayMs: 1000 })
    const id = await enqueueJob(t.db, kind, null)
    // The lease is renewed every 100 ms; the job takes more than three leases.
    const first = runner([rec.definition], { leaseMs: 300 }).runNext()
    await sleep(50)
    const rival = new JobRunner({ db: other.db, engine: other.engine, definitions: [rec.definition], leaseMs: 300 })
    for (let i = 0; i < 6; i++) {
      expect(await rival.runNext()).toBeNull()
      await sleep(120)
    }
    expect((await first)?.outcome.status).toBe('done')
    expect(rec.calls.map((c) => c.jobId)).toEqual([id])
  })

  it('picks up the job of a worker that crashed once its lease expires, and ignores that worker afterwards', async () => {
    const kind = uniqueKind('crash')
    const rec = recorder(kind)
    const id = await enqueueJob(t.db, kind, { report: 1 })
    // A worker claims the job and dies: nothing renews its lease.
    const claimed = await claimJob(t.db, { engine: t.handle.engine, workerId: 'dead', kinds: [kind], leaseMs: 1000 })
    expect(claimed?.id).toBe(id)
    const survivor = runner([rec.definition])
    expect(await survivor.runNext()).toBeNull()
    await sleep(1100)
    expect((await survivor.runNext())?.outcome.status).toBe('done')
    expect(await jobOf(id)).toMatchObject({ status: 'done', attempts: 2, lockedBy: null, progress: 1 })
    // The dead worker comes back to life late: its result is not recorded.
    expect(await completeJob(t.db, claimed as NonNullable<typeof claimed>, rec.definition, 'dead', 'late')).toEqual({
      status: 'lost',
    })
    expect(JSON.parse((await jobOf(id)).result ?? 'null')).toEqual({ ok: 2 })
  })

  it('retries a failing job with growing delays, and fails it for good after its last attempt', async () => {
    const kind = uniqueKind('retry')
    const flaky = recorder(kind, { fail: (attempt) => attempt < 3 })
    const hopeless = recorder(uniqueKind('hopeless'), { fail: () => true })
    const retried = await enqueueJob(t.db, kind, null)
    const doomed = await enqueueJob(t.db, hopeless.definition.kind, null, { maxAttempts: 2 })
    const r = runner([flaky.definition, hopeless.definition], { backoffMs: 400 })
    await r.runUntilIdle()
    const afterOne = await jobOf(retried)
    expect(afterOne).toMatchObject({ status: 'queued', attempts: 1, error: 'attempt 1 failed', lockedBy: null })
    expect(Date.parse(afterOne.runAfter) - Date.parse(afterOne.updatedAt)).toBe(400)
    expect(await r.runUntilIdle()).toEqual([])
    await sleep(450)
    await r.runUntilIdle()
    const afterTwo = await jobOf(retried)
    expect(afterTwo).toMatchObject({ status: 'queued', attempts: 2, error: 'attempt 2 failed' })
    expect(Date.parse(afterTwo.runAfter) - Date.parse(afterTwo.updatedAt)).toBe(800)
    expect(await jobOf(doomed)).toMatchObject({ status: 'failed', attempts: 2, error: 'attempt 2 failed' })
    await sleep(850)
    await r.runUntilIdle()
    expect(await jobOf(retried)).toMatchObject({ status: 'done', attempts: 3, error: null })
    expect(flaky.calls.map((c) => c.attempt)).toEqual([1, 2, 3])
    expect(hopeless.calls.map((c) => c.attempt)).toEqual([1, 2])
  })

  it('gives up on a job whose worker died during every attempt', async () => {
    const kind = uniqueKind('poison')
    const rec = recorder(kind)
    const id = await enqueueJob(t.db, kind, null, { maxAttempts: 1 })
    await claimJob(t.db, { engine: t.handle.engine, workerId: 'dead', kinds: [kind], leaseMs: 1 })
    await sleep(10)
    expect((await runner([rec.definition]).runNext())?.outcome.status).toBe('failed')
    expect(rec.calls).toEqual([])
    expect((await jobOf(id)).error).toMatch(/worker stopped during each of 1 attempt/)
  })

  it('stops cleanly: the job it was running goes back to the queue, not counted as an attempt', async () => {
    const kind = uniqueKind('stop')
    let started = false
    const id = await enqueueJob(t.db, kind, null)
    const r = runner([
      {
        kind,
        run: (_payload, ctx) =>
          new Promise((_resolve, reject) => {
            started = true
            ctx.signal.addEventListener('abort', () => reject(new Error('stopped')))
          }),
      },
    ])
    r.start()
    while (!started) await sleep(10)
    await r.stop()
    expect(await jobOf(id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null })
    const rec = recorder(kind)
    expect((await runner([rec.definition]).runNext())?.outcome.status).toBe('done')
  })

  it('keeps one row per recurring job however many instances start, and queues it again after each run', async () => {
    const kind = uniqueKind('recurring')
    const rec = recorder(kind, { fail: (attempt) => attempt === 1 })
    const definition = { ...rec.definition, every: 60_000, maxAttempts: 1 }
    await ensureRecurringJobs(t.db, [definition])
    await ensureRecurringJobs(other.db, [definition])
    expect(await t.db.selectFrom('jobs').select('id').where('kind', '=', kind).execute()).toEqual([
      { id: recurringJobId(kind) },
    ])
    const r = runner([definition])
    expect((await r.runNext())?.outcome.status).toBe('retry')
    const row = await jobOf(recurringJobId(kind))
    // Its last attempt failed: it waits for its next regular run instead of failing for good.
    expect(row).toMatchObject({ status: 'queued', attempts: 0, error: 'attempt 1 failed' })
    expect(Date.parse(row.runAfter) - Date.parse(row.updatedAt)).toBe(60_000)
    expect(await r.runNext()).toBeNull()
  })
})
