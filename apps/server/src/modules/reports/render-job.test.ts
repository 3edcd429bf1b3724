import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LOCALES } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asUser } from '../../../test/factories.ts'
import { client } from '../../../test/http.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { enqueueJob } from '../../jobs/enqueue.ts'
import { JobRunner } from '../../jobs/runner.ts'
import { seedDemo } from '../../seed/demo.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'
import { publicationDocuments, REPORT_RENDER_JOB, reportRenderJob } from './render-job.ts'

let t: TestApp
let coordinator: { cookie: string }
let r2025: string
let r2026: string
let fakeChromium: string

/** A stand-in for Chromium that writes a tiny PDF where it is told to: the job's logic, not Chromium, is under test. */
function writeFakeChromium(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-fake-chromium-'))
  const file = path.join(dir, 'chromium')
  const script = [
    '#!/bin/sh',
    'for a in "$@"; do',
    '  case "$a" in --print-to-pdf=*) printf \'%%PDF-1.4 fake\' > "$(printf %s "$a" | cut -d= -f2-)";; esac',
    'done',
  ]
  fs.writeFileSync(file, `${script.join('\n')}\n`, { mode: 0o755 })
  return file
}

beforeAll(async () => {
  fakeChromium = writeFakeChromium()
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  await seedDemo(t.db)
  const rounds = await t.db.selectFrom('rounds').select(['id', 'periodTo']).execute()
  r2025 = rounds.find((r) => r.periodTo.startsWith('2025'))?.id ?? ''
  r2026 = rounds.find((r) => r.periodTo.startsWith('2026'))?.id ?? ''
  coordinator = await asUser(t.app, 'regional_coordinator', null)
})
afterAll(async () => {
  await t?.close()
  fs.rmSync(path.dirname(fakeChromium), { recursive: true, force: true })
})

const documentsOf = (publicationId: string) =>
  t.db
    .selectFrom('reportDocuments')
    .select(['format', 'lang', 'disclosure', 'content'])
    .where('publicationId', '=', publicationId)
    .orderBy('format')
    .orderBy('lang')
    .execute()
/** Two locales keep the test short; by default the job renders every UI locale (checked below). */
const LANGS = ['en', 'sr-Cyrl'] as const
const runnerWith = (chromiumPath: string, onProgress?: () => Promise<void>) =>
  new JobRunner({
    db: t.db,
    engine: t.handle.engine,
    definitions: [reportRenderJob({ chromiumPath, locales: LANGS })],
    events: { onProgress },
  })

describe('the report.render job', () => {
  it('renders, by default, every format in every UI locale with public figures', () => {
    const keys = publicationDocuments().map((q) => `${q.format} ${q.lang} ${q.disclosure}`)
    expect(keys.sort()).toEqual(
      ['docx', 'html', 'pdf', 'xlsx'].flatMap((f) => LOCALES.map((l) => `${f} ${l} public`)).sort(),
    )
  })

  it('renders a new publication in every format and its languages, stores it, and downloads serve the stored bytes', async () => {
    const c = client(t.app, coordinator.cookie)
    const res = await c.post(`/api/rounds/${r2025}/countries/RS/publications`, { changeNote: 'Rendered by a job' })
    expect(res.statusCode, res.body).toBe(201)
    const publication = res.json().data as { id: string; renderJobId: string }
    expect(publication.renderJobId).toEqual(expect.any(String))
    const jobUrl = `/api/jobs/${publication.renderJobId}`
    expect((await c.get(jobUrl)).json().data).toMatchObject({ kind: REPORT_RENDER_JOB, status: 'queued', progress: 0 })

    // Without Chromium: every other document is stored, the PDFs are listed as failed, and the job is done.
    const seen: { status: string; progress: number; note: string }[] = []
    const noChromium = runnerWith('/nonexistent/chromium', async () => {
      const poll = await c.get(jobUrl)
      expect(poll.statusCode, poll.body).toBe(200)
      seen.push(poll.json().data)
    })
    const ran = await noChromium.runNext()
    expect(ran?.outcome).toMatchObject({ status: 'done', result: { stored: 6 } })
    type Failed = { format: string; lang: string; error: string }[]
    const failed = (ran?.outcome as { result?: { failed: Failed } } | undefined)?.result?.failed ?? []
    expect(failed.map((f) => [f.format, f.lang])).toEqual(LANGS.map((lang) => ['pdf', lang]))
    expect(failed[0]?.error).toMatch(/Chromium/)
    expect(seen.length).toBeGreaterThanOrEqual(8)
    expect(seen.some((p) => p.status === 'running' && p.progress > 0.3 && p.progress < 0.7)).toBe(true)
    expect(seen.map((p) => p.note)).toContain('docx sr-Cyrl')
    expect((await c.get(jobUrl)).json().data).toMatchObject({ status: 'done', progress: 1 })

    const stored = await documentsOf(publication.id)
    expect(stored.map((d) => `${d.format} ${d.lang} ${d.disclosure}`)).toEqual(
      ['docx', 'html', 'xlsx'].flatMap((f) => LANGS.map((l) => `${f} ${l} public`)),
    )
    const docx = stored.find((d) => d.format === 'docx' && d.lang === 'sr-Cyrl')
    const download = await c.get(
      `/api/publications/${publication.id}/report?format=docx&lang=sr-Cyrl&disclosure=public`,
    )
    expect(download.statusCode).toBe(200)
    expect(download.rawPayload.equals(Buffer.from(docx?.content ?? ''))).toBe(true)
    expect(download.headers['content-disposition']).toMatch(/thbm-national-RS-2025-2-sr-Cyrl\.docx/)

    // What the portal serves is the stored document itself, not a new rendering.
    const marker = Buffer.from('<!doctype html><p>the stored document</p>')
    await t.db
      .updateTable('reportDocuments')
      .set({ content: marker })
      .where('publicationId', '=', publication.id)
      .where('format', '=', 'html')
      .where('lang', '=', 'en')
      .execute()
    const portal = await client(t.app).get(`/api/public/publications/${publication.id}/report?format=html&lang=en`)
    expect(portal.statusCode).toBe(200)
    expect(portal.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(portal.body).toBe(marker.toString())

    // A document that is not stored (internal figures) is rendered on the fly, as before.
    const internal = await c.get(`/api/publications/${publication.id}/report?format=xlsx&lang=en&disclosure=internal`)
    expect(internal.statusCode).toBe(200)
    expect(internal.rawPayload.subarray(0, 2).toString()).toBe('PK')

    // Run again with (a stand-in for) Chromium: only the missing PDFs are rendered; the stored documents stay as they are.
    await enqueueJob(t.db, REPORT_RENDER_JOB, { publicationId: publication.id })
    expect((await runnerWith(fakeChromium).runNext())?.outcome).toMatchObject({
      status: 'done',
      result: { stored: 8, failed: [] },
    })
    const all = await documentsOf(publication.id)
    expect(all).toHaveLength(8)
    for (const pdf of all.filter((d) => d.format === 'pdf'))
      expect(Buffer.from(pdf.content).subarray(0, 5).toString()).toBe('%PDF-')
    expect(all.find((d) => d.format === 'html' && d.lang === 'en')?.content).toEqual(marker)
  }, 120_000)

  it('queues nothing when the publication is refused', async () => {
    const count = async () => (await t.db.selectFrom('jobs').select('id').execute()).length
    const before = await count()
    const res = await client(t.app, coordinator.cookie).post(`/api/rounds/${r2026}/countries/RS/publications`, {})
    expect(res.statusCode).toBe(409)
    expect(await count()).toBe(before)
  })
})
