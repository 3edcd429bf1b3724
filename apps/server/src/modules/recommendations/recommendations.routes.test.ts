import { type Implementation, implementationRate, type Recommendation } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { login } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { seedDemo } from '../../seed/demo.ts'
import { DEMO_PASSWORD } from '../../seed/demo-accounts.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'

let t: TestApp
const cookies = new Map<string, string>()
beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  await seedDemo(t.db)
  for (const who of ['lead.rs', 'lead.al', 'coordinator', 'provider.rs'])
    cookies.set(who, await login(t.app, `${who}@example.org`, DEMO_PASSWORD))
})
afterAll(() => t.close())

async function send(who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: cookies.get(who) as string } })
}
const roundsByYear = async () => {
  const rows = await t.db.selectFrom('rounds').select(['id', 'periodTo', 'status']).orderBy('periodTo').execute()
  return new Map(rows.map((r) => [Number(r.periodTo.slice(0, 4)), r]))
}

describe('recommendations followed across rounds', () => {
  it('shows a 2023 recommendation with its 2024 and 2025 follow-up, oldest first', async () => {
    const res = await send('lead.rs', 'GET', '/api/countries/RS/recommendations')
    expect(res.statusCode, res.body).toBe(200)
    const recs = res.json().data as Recommendation[]
    const from2023 = recs.filter((r) => r.issuedIn.periodTo.startsWith('2023'))
    expect(from2023).toHaveLength(3)
    const first = from2023[0] as Recommendation
    expect(first.followUps.map((f) => f.round.periodTo.slice(0, 4))).toEqual(
      first.followUps[0]?.status === 'fully_implemented' ? ['2024'] : ['2024', '2025'],
    )
    expect(first.latestStatus).toBe(first.followUps.at(-1)?.status)
    const one = await send('lead.rs', 'GET', `/api/recommendations/${first.id}`)
    expect(one.json().data).toEqual(first)
  })

  it('computes implementation rates that add up to the statuses recorded', async () => {
    const recs = (await send('coordinator', 'GET', '/api/countries/RS/recommendations')).json().data as Recommendation[]
    const impl = (await send('coordinator', 'GET', '/api/countries/RS/implementation')).json().data as Implementation
    expect(impl.byRound.map((r) => r.round.periodTo.slice(0, 4))).toEqual(['2024', '2025'])
    for (const r of impl.byRound) {
      const statuses = recs.flatMap((rec) =>
        rec.followUps.filter((f) => f.round.id === r.round.id).map((f) => f.status),
      )
      expect(r.fully + r.partially + r.notImplemented + r.noLongerRelevant).toBe(statuses.length)
      expect(r.counted).toBe(statuses.length - r.noLongerRelevant)
      expect(r.rate).toBeCloseTo((r.fully + 0.5 * r.partially) / r.counted, 10)
      expect(r).toMatchObject(implementationRate(statuses))
    }
    const followed = recs.filter((rec) => rec.latestStatus)
    expect(impl.byPriority.reduce((n, p) => n + p.counted + p.noLongerRelevant, 0)).toBe(followed.length)
  })

  it('carries open recommendations into the next round and records their follow-up there', async () => {
    const rounds = await roundsByYear()
    const open = rounds.get(2026)
    expect(open?.status).toBe('collecting')
    const carried = (await send('lead.rs', 'GET', `/api/rounds/${open?.id}/countries/RS/follow-ups`)).json()
      .data as Recommendation[]
    const all = (await send('lead.rs', 'GET', '/api/countries/RS/recommendations')).json().data as Recommendation[]
    expect(carried.map((r) => r.id)).toEqual(
      all
        .filter((r) => r.latestStatus !== 'fully_implemented' && r.latestStatus !== 'no_longer_relevant')
        .map((r) => r.id),
    )
    const target = carried[0] as Recommendation
    const before = await lastAuditSeq(t.db)
    const res = await send('lead.rs', 'PUT', `/api/recommendations/${target.id}/follow-ups/${open?.id}`, {
      version: 0,
      status: 'partially_implemented',
      comment: 'The SOPs were adopted; training has not started.',
      response: 'The ministry reports that training starts next year.',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect((res.json().data as Recommendation).latestStatus).toBe('partially_implemented')
    expect((await auditRowsAfter(t.db, before)).map((a) => a.action)).toEqual(['followUp.recorded'])
    const stale = await expectNoChange(t.db, () =>
      send('lead.rs', 'PUT', `/api/recommendations/${target.id}/follow-ups/${open?.id}`, {
        version: 0,
        status: 'fully_implemented',
      }),
    )
    expect(stale.statusCode).toBe(409)
  })

  it("refuses a follow-up on another country's recommendation, in a published round, or in the issuing round", async () => {
    const rounds = await roundsByYear()
    const al = (await send('lead.al', 'GET', '/api/countries/AL/recommendations')).json().data as Recommendation[]
    const alRec = al[0] as Recommendation
    const body = { version: 0, status: 'fully_implemented' }
    const other = await expectNoChange(t.db, () =>
      send('lead.rs', 'PUT', `/api/recommendations/${alRec.id}/follow-ups/${rounds.get(2026)?.id}`, body),
    )
    expect(other.statusCode).toBe(404)
    const rs = (await send('lead.rs', 'GET', '/api/countries/RS/recommendations')).json().data as Recommendation[]
    const rec2025 = rs.find((r) => r.issuedIn.periodTo.startsWith('2025')) as Recommendation
    const published = await expectNoChange(t.db, () =>
      send('lead.rs', 'PUT', `/api/recommendations/${rs[0]?.id}/follow-ups/${rounds.get(2025)?.id}`, {
        ...body,
        version: 1,
      }),
    )
    expect(published.statusCode).toBe(409)
    const same = await expectNoChange(t.db, () =>
      send('lead.rs', 'PUT', `/api/recommendations/${rec2025.id}/follow-ups/${rec2025.issuedIn.id}`, body),
    )
    expect(same.statusCode).toBe(400)
    expect(same.json().error.details.issues[0].path).toBe('params.roundId')
    const provider = await expectNoChange(t.db, () =>
      send('provider.rs', 'PUT', `/api/recommendations/${rec2025.id}/follow-ups/${rounds.get(2026)?.id}`, body),
    )
    expect(provider.statusCode).toBe(403)
  })

  it('keeps the round from publication until every carried-over recommendation has a follow-up status', async () => {
    const open = (await roundsByYear()).get(2026)
    const round = (await send('coordinator', 'GET', `/api/rounds/${open?.id}`)).json().data as { version: number }
    const url = `/api/rounds/${open?.id}/transition`
    const reviewing = await send('coordinator', 'POST', url, { to: 'reviewing', version: round.version })
    expect(reviewing.statusCode, reviewing.body).toBe(200)
    const res = await expectNoChange(t.db, () =>
      send('coordinator', 'POST', url, { to: 'published', version: round.version + 1 }),
    )
    expect(res.statusCode).toBe(409)
    const blockers = res.json().error.details.blockers as {
      countryCode: string
      problem: string
      recommendationId?: string
    }[]
    const missing = blockers.filter((b) => b.problem === 'follow_up_missing' && b.countryCode === 'RS')
    const carried = (await send('lead.rs', 'GET', `/api/rounds/${open?.id}/countries/RS/follow-ups`)).json()
      .data as Recommendation[]
    const pending = carried.filter((r) => !r.followUps.some((f) => f.round.id === open?.id)).map((r) => r.id)
    expect(missing.map((b) => b.recommendationId)).toEqual(pending)
    expect(blockers.some((b) => b.problem === 'not_validated')).toBe(true)
    const back = await send('coordinator', 'POST', url, {
      to: 'collecting',
      version: round.version + 1,
      reason: 'Back to collection for the other tests',
    })
    expect(back.statusCode, back.body).toBe(200)
  })

  it('issues a recommendation in an open round, and edits it with a version check', async () => {
    const rounds = await roundsByYear()
    const open = rounds.get(2026)
    const created = await send('lead.rs', 'POST', `/api/rounds/${open?.id}/countries/RS/recommendations`, {
      text: 'Publish the annual report of the National Rapporteur.',
      institutions: ['National Rapporteur'],
      areaCodes: ['COR'],
      priority: 'necessary',
    })
    expect(created.statusCode, created.body).toBe(201)
    const rec = created.json().data as Recommendation
    expect(rec).toMatchObject({ source: 'monitoring', followUps: [], latestStatus: null })
    const edited = await send('lead.rs', 'PATCH', `/api/recommendations/${rec.id}`, { version: 1, priority: 'urgent' })
    expect(edited.json().data).toMatchObject({ priority: 'urgent', version: 2 })
    expect(
      (
        await expectNoChange(t.db, () =>
          send('lead.rs', 'PATCH', `/api/recommendations/${rec.id}`, { version: 1, text: 'x' }),
        )
      ).statusCode,
    ).toBe(409)
    const closed = await expectNoChange(t.db, () =>
      send('lead.rs', 'POST', `/api/rounds/${rounds.get(2025)?.id}/countries/RS/recommendations`, {
        text: 'Too late',
        priority: 'urgent',
      }),
    )
    expect(closed.statusCode).toBe(409)
  })
})
