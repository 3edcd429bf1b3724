import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser } from '../../../test/factories.ts'
import { client } from '../../../test/http.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { seedDemo } from '../../seed/demo.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'

let t: TestApp
let coordinator: { cookie: string }
let r2025: string
let r2026: string

beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  await seedDemo(t.db)
  const rounds = await t.db.selectFrom('rounds').select(['id', 'periodTo']).execute()
  r2025 = rounds.find((r) => r.periodTo.startsWith('2025'))?.id ?? ''
  r2026 = rounds.find((r) => r.periodTo.startsWith('2026'))?.id ?? ''
  coordinator = await asUser(t.app, 'regional_coordinator', null)
})
afterAll(() => t.close())

const as = (cookie: string) => client(t.app, cookie)
async function sheetRows(body: Buffer, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(body as unknown as ArrayBuffer)
  const sheet = wb.getWorksheet(name)
  if (!sheet) throw new Error(`No sheet ${name}`)
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe('national and regional reports', () => {
  it('the XLSX annex has the same area scores as the scores API', async () => {
    const scores = (await as(coordinator.cookie).get(`/api/rounds/${r2025}/countries/RS/scores`)).json().data as {
      areas: { area: string; score: number | null }[]
    }
    const res = await as(coordinator.cookie).get(`/api/rounds/${r2025}/countries/RS/report?format=xlsx`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="thbm-national-RS-2025-en\.xlsx"/)
    const rows = (await sheetRows(res.rawPayload, 'Area scores')).slice(1)
    expect(rows.map((r) => [r[3], r[5] ?? null])).toEqual(scores.areas.map((a) => [a.area, a.score]))
    expect(scores.areas.some((a) => a.score !== null)).toBe(true)
  })

  it('the regional XLSX has every country of the round, with the scores the API gives', async () => {
    const res = await as(coordinator.cookie).get(`/api/rounds/${r2025}/report?format=xlsx&lang=sr-Latn`)
    expect(res.statusCode).toBe(200)
    const rows = (await sheetRows(res.rawPayload, 'Rezultati po oblastima').catch(() => null)) ?? []
    const al = (await as(coordinator.cookie).get(`/api/rounds/${r2025}/countries/AL/scores`)).json().data as {
      areas: { area: string; score: number | null }[]
    }
    if (rows.length) {
      const alRows = rows.filter((r) => r[0] === 'AL').map((r) => [r[3], r[5] ?? null])
      expect(alRows).toEqual(al.areas.map((a) => [a.area, a.score]))
    }
  })

  it('refuses a country not in the round (404), an unknown format or locale (400), and a round with nothing validated (409 naming what is missing)', async () => {
    const c = as(coordinator.cookie)
    expect((await c.get(`/api/rounds/${r2025}/countries/FR/report`)).statusCode).toBe(404)
    expect((await c.get(`/api/rounds/${r2025}/countries/RS/report?format=odt`)).statusCode).toBe(400)
    expect((await c.get(`/api/rounds/${r2025}/report?lang=de`)).statusCode).toBe(400)
    const open = await c.get(`/api/rounds/${r2026}/countries/RS/report`)
    expect(open.statusCode).toBe(409)
    expect(open.json().error.details.missing.length).toBeGreaterThan(0)
    expect(open.json().error.details.missing[0]).toMatchObject({ countryCode: 'RS', problem: 'not_validated' })
    expect((await c.get(`/api/rounds/${r2026}/report`)).statusCode).toBe(409)
  })

  it('shows the national report to the country, not to its data providers or other countries', async () => {
    const lead = await asUser(t.app, 'country_lead', 'RS')
    const provider = await asUser(t.app, 'data_provider', 'RS')
    const otherLead = await asUser(t.app, 'country_lead', 'AL')
    const url = `/api/rounds/${r2025}/countries/RS/report`
    expect((await as(lead.cookie).get(url)).statusCode).toBe(200)
    expect((await as(provider.cookie).get(url)).statusCode).toBe(403)
    expect((await as(otherLead.cookie).get(url)).statusCode).toBe(404)
    expect((await as(lead.cookie).get(`/api/rounds/${r2025}/report`)).statusCode).toBe(403)
  })
})

describe('publication', () => {
  it('keeps a published snapshot unchanged when the data changes afterwards', async () => {
    const pubs = (await as(coordinator.cookie).get(`/api/rounds/${r2025}/publications`)).json().data as {
      id: string
      scope: string
      number: number
    }[]
    const first = pubs.find((p) => p.scope === 'RS' && p.number === 1)
    expect(first).toBeDefined()
    const published = `/api/publications/${first?.id}/report?format=xlsx`
    const live = `/api/rounds/${r2025}/countries/RS/report?format=xlsx`
    const before = await sheetRows((await as(coordinator.cookie).get(published)).rawPayload, 'Area scores')
    const liveBefore = await sheetRows((await as(coordinator.cookie).get(live)).rawPayload, 'Area scores')
    expect(before).toEqual(liveBefore)
    // Every validated RS score of the round drops to the bottom of its scale.
    await t.db
      .updateTable('assessments')
      .set({ score: 0, normalisedScore: 0 })
      .where('roundId', '=', r2025)
      .where('countryCode', '=', 'RS')
      .where('score', 'is not', null)
      .execute()
    const after = await sheetRows((await as(coordinator.cookie).get(published)).rawPayload, 'Area scores')
    const liveAfter = await sheetRows((await as(coordinator.cookie).get(live)).rawPayload, 'Area scores')
    expect(after).toEqual(before)
    expect(liveAfter).not.toEqual(liveBefore)
    const publicView = (await client(t.app).get(`/api/public/publications/${first?.id}`)).json().data
    expect(publicView.areas.map((a: { score: number | null }) => a.score)).toEqual(
      before.slice(1).map((r) => r[5] ?? null),
    )
  })

  it('a correction needs a change note, gets the next number and an audit row; the first stays downloadable', async () => {
    const c = as(coordinator.cookie)
    const url = `/api/rounds/${r2025}/countries/AL/publications`
    const refused = await expectNoChange(t.db, () => c.post(url, {}))
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details.issues[0].path).toBe('body.changeNote')
    const seq = await lastAuditSeq(t.db)
    const res = await c.post(url, { changeNote: 'Corrected the number of shelters' })
    expect(res.statusCode).toBe(201)
    expect(res.json().data).toMatchObject({ kind: 'national', scope: 'AL', number: 2 })
    const audit = await auditRowsAfter(t.db, seq)
    expect(audit.map((a) => [a.action, a.countryCode])).toEqual([['report.published', 'AL']])
    const pubs = (await c.get(`/api/rounds/${r2025}/publications`)).json().data as { id: string; scope: string }[]
    const al = pubs.filter((p) => p.scope === 'AL')
    expect(al).toHaveLength(2)
    for (const p of al) expect((await c.get(`/api/publications/${p.id}/report?format=html`)).statusCode).toBe(200)
  })

  it('refuses to publish while the round collects, and lets only the right people publish', async () => {
    const c = as(coordinator.cookie)
    const res = await expectNoChange(t.db, () => c.post(`/api/rounds/${r2026}/countries/RS/publications`, {}))
    expect(res.statusCode).toBe(409)
    const otherLead = await asUser(t.app, 'country_lead', 'AL')
    const lead = await asUser(t.app, 'country_lead', 'RS')
    expect((await as(otherLead.cookie).post(`/api/rounds/${r2025}/countries/RS/publications`, {})).statusCode).toBe(404)
    expect((await as(lead.cookie).post(`/api/rounds/${r2025}/publications`, {})).statusCode).toBe(403)
  })

  it('regional texts are edited by the regional coordinator and land in the regional report', async () => {
    const c = as(coordinator.cookie)
    const round = await t.db
      .selectFrom('rounds')
      .select(['id', 'status', 'version'])
      .where('id', '=', r2025)
      .executeTakeFirstOrThrow()
    expect(round.status).toBe('published')
    // Published texts are corrected by moving the round back to review first.
    const back = await c.post(`/api/rounds/${r2025}/transition`, {
      to: 'reviewing',
      version: round.version,
      reason: 'Correct the regional conclusion',
    })
    expect(back.statusCode).toBe(200)
    const narratives = (await c.get(`/api/rounds/${r2025}/region/narratives`)).json().data as {
      kind: string
      version: number
    }[]
    const conclusion = narratives.find((n) => n.kind === 'conclusion')
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/rounds/${r2025}/region/narratives`,
      headers: { cookie: coordinator.cookie },
      payload: {
        version: conclusion?.version ?? 0,
        kind: 'conclusion',
        areaCode: '',
        html: '<p>Regional conclusion <script>alert(1)</script>revised.</p>',
      },
    })
    expect(saved.statusCode).toBe(200)
    const html = (await c.get(`/api/rounds/${r2025}/report?format=html`)).body
    expect(html).toContain('Regional conclusion')
    expect(html).not.toContain('alert(1)')
    const pub = await c.post(`/api/rounds/${r2025}/publications`, { changeNote: 'Revised conclusion' })
    expect(pub.statusCode).toBe(201)
    expect(pub.json().data).toMatchObject({ scope: 'region', number: 2 })
  })
})
