import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/seed/demo-accounts.ts'
import {
  createServerDatabase,
  httpClient,
  runCli,
  type ServerDatabase,
  type ServerProcess,
  startServer,
} from './server-process.ts'

/**
 * Two server processes share nothing but the database (a PostgreSQL schema, or on SQLite one file in WAL mode) and
 * the evidence folder: requests alternate between them, as behind a load balancer without sticky sessions.
 */

let db: ServerDatabase
let a: ServerProcess
let b: ServerProcess
let roundId: string
let publishedRoundId: string

beforeAll(async () => {
  db = await createServerDatabase()
  await runCli(['seed', '--demo'], { DATABASE_URL: db.url, FILES_DIR: db.filesDir })
  ;[a, b] = await Promise.all([startServer(db), startServer(db)])
  const lead = httpClient(a.url)
  await lead.login('lead.rs@example.org', DEMO_PASSWORD)
  const rounds = (await (await lead.get('/api/rounds')).json()) as { data: { id: string; status: string }[] }
  roundId = rounds.data.find((r) => r.status === 'collecting')?.id ?? ''
  publishedRoundId = rounds.data.find((r) => r.status === 'published')?.id ?? ''
}, 300_000)

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await db?.drop()
})

describe('two server processes on one database', () => {
  it('accept a session made by the other, and sign out on both', async () => {
    const onA = httpClient(a.url)
    await onA.login('coordinator@example.org', DEMO_PASSWORD)
    const onB = onA.on(b.url)
    const me = await onB.get('/api/auth/me')
    expect(me.status).toBe(200)
    expect(((await me.json()) as { data: { email: string } }).data.email).toBe('coordinator@example.org')
    const out = await onB.post('/api/auth/logout')
    expect(out.status).toBeLessThan(300)
    expect((await onA.get('/api/auth/me')).status).toBe(401)
  })

  it('see each other’s writes, and refuse a stale version with 409', async () => {
    const onA = httpClient(a.url)
    await onA.login('lead.rs@example.org', DEMO_PASSWORD)
    const onB = onA.on(b.url)
    const url = `/api/rounds/${roundId}/countries/RS/narratives`
    const first = await onA.put(url, { version: 0, kind: 'conclusion', areaCode: '', html: '<p>Written on A</p>' })
    expect(first.status, await first.clone().text()).toBe(200)
    const seen = (await (await onB.get(url)).json()) as { data: { kind: string; html: string; version: number }[] }
    const conclusion = seen.data.find((n) => n.kind === 'conclusion')
    expect(conclusion).toMatchObject({ html: '<p>Written on A</p>', version: 1 })

    const second = await onB.put(url, { version: 1, kind: 'conclusion', areaCode: '', html: '<p>Then on B</p>' })
    expect(second.status).toBe(200)
    // A still holds version 1: its write is refused, whichever process it reaches.
    for (const client of [onA, onB]) {
      const stale = await client.put(url, { version: 1, kind: 'conclusion', areaCode: '', html: '<p>Stale</p>' })
      expect(stale.status).toBe(409)
      expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('conflict')
    }
    const final = (await (await onA.get(url)).json()) as { data: { kind: string; html: string }[] }
    expect(final.data.find((n) => n.kind === 'conclusion')?.html).toBe('<p>Then on B</p>')
  })

  it('resolve a race for a new record on both processes as one write and one 409', async () => {
    const onA = httpClient(a.url)
    await onA.login('lead.rs@example.org', DEMO_PASSWORD)
    const onB = onA.on(b.url)
    const url = `/api/rounds/${roundId}/countries/RS/narratives`
    const body = (where: string) => ({ version: 0, kind: 'summary', areaCode: '', html: `<p>${where}</p>` })
    const answers = await Promise.all([onA.put(url, body('A')), onB.put(url, body('B'))])
    const statuses = answers.map((r) => r.status).sort()
    // Two processes on one SQLite file: the loser may also find the file locked (503, "busy, try again").
    const busy = answers.find((r) => r.status === 503)
    if (db.engine === 'sqlite' && busy)
      expect(((await busy.json()) as { error: { details: unknown } }).error.details).toEqual({
        reason: 'database_busy',
      })
    else expect(statuses).toEqual([200, 409])
    expect(statuses[0]).toBe(200)
  })

  it('store an evidence file through one and serve it from the other', async () => {
    const onA = httpClient(a.url)
    await onA.login('provider.rs@example.org', DEMO_PASSWORD)
    const pdf = Buffer.from('%PDF-1.4\n% two instances\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
    const form = new FormData()
    form.append('country', 'RS')
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'evidence.pdf')
    const uploaded = await onA.post('/api/files', form)
    expect(uploaded.status, await uploaded.clone().text()).toBe(201)
    const { id } = ((await uploaded.json()) as { data: { id: string } }).data
    const downloaded = await onA.on(b.url).get(`/api/files/${id}`)
    expect(downloaded.status).toBe(200)
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(pdf)
  })

  it('generate a Word report from the other process', async () => {
    const onB = httpClient(b.url)
    await onB.login('lead.rs@example.org', DEMO_PASSWORD)
    const url = `/api/rounds/${publishedRoundId}/countries/RS/report?format=docx`
    const res = await onB.get(url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('wordprocessingml')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.subarray(0, 2).toString()).toBe('PK')
  }, 90_000)

  it('both report healthy', async () => {
    for (const server of [a, b]) expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })
})
