import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asUser } from '../../../test/factories.ts'
import { client } from '../../../test/http.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { enqueueJob } from '../../jobs/enqueue.ts'
import { uniqueKind } from '../../jobs/jobs-test-support.ts'
import { JobRunner } from '../../jobs/runner.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('GET /api/jobs/:id', () => {
  it("shows a job's progress while it runs to whoever caused it and to administrators, 404 to anyone else", async () => {
    const [owner, admin, coordinator, stranger] = await Promise.all([
      asUser(t.app, 'country_lead', 'RS'),
      asUser(t.app, 'admin', null),
      asUser(t.app, 'regional_coordinator', null),
      asUser(t.app, 'country_lead', 'RS'),
    ])
    const kind = uniqueKind('progress')
    const id = await enqueueJob(t.db, kind, { steps: 5 }, { createdBy: owner.id })
    const url = `/api/jobs/${id}`
    const queued = await client(t.app, owner.cookie).get(url)
    expect(queued.statusCode).toBe(200)
    expect(queued.json().data).toMatchObject({ id, kind, status: 'queued', progress: 0, note: null, error: null })
    expect(queued.headers['cache-control']).toBe('no-store')

    const seen: unknown[] = []
    const runner = new JobRunner({
      db: t.db,
      engine: t.handle.engine,
      definitions: [
        {
          kind,
          async run(payload, ctx) {
            const { steps } = payload as { steps: number }
            for (let i = 0; i < steps; i++) {
              await ctx.progress(i / steps, `step ${i + 1} of ${steps}`)
              seen.push((await client(t.app, owner.cookie).get(url)).json().data)
            }
            return { steps }
          },
        },
      ],
    })
    expect((await runner.runNext())?.outcome.status).toBe('done')
    expect(seen).toHaveLength(5)
    expect(seen[2]).toMatchObject({ status: 'running', progress: 0.4, note: 'step 3 of 5', attempts: 1 })

    const done = await client(t.app, owner.cookie).get(url)
    expect(done.json().data).toMatchObject({ status: 'done', progress: 1, error: null })
    expect(Object.keys(done.json().data).sort()).toEqual(
      ['attempts', 'createdAt', 'error', 'id', 'kind', 'note', 'progress', 'status', 'updatedAt'].sort(),
    )
    for (const who of [admin, coordinator]) expect((await client(t.app, who.cookie).get(url)).statusCode).toBe(200)
    const hidden = await client(t.app, stranger.cookie).get(url)
    expect(hidden.statusCode).toBe(404)
    expect(hidden.json().error.code).toBe('not_found')
    expect((await client(t.app).get(url)).statusCode).toBe(401)
    expect((await client(t.app, admin.cookie).get('/api/jobs/01900000-0000-7000-8000-0000000000aa')).statusCode).toBe(
      404,
    )
  })
})
