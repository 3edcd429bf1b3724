import type { Narrative, Round, Thread } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'

let t: TestApp
let round: Round
const who = {} as Record<
  'coordinator' | 'lead' | 'expert' | 'expertAl' | 'provider' | 'observer',
  { cookie: string; id: string }
>

async function send(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}

beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  const pick = async (role: Parameters<typeof asUser>[1], country?: string) => {
    const u = await asUser(t.app, role, country)
    return { cookie: u.cookie, id: u.id }
  }
  who.coordinator = await pick('regional_coordinator')
  who.lead = await pick('country_lead', 'RS')
  who.expert = await pick('expert', 'RS')
  who.expertAl = await pick('expert', 'AL')
  who.provider = await pick('data_provider', 'RS')
  who.observer = await pick('observer', 'RS')
  const versionId = (await send(who.coordinator.cookie, 'GET', '/api/frameworks')).json().data[0].versions[0].id
  const created = await send(who.coordinator.cookie, 'POST', '/api/rounds', {
    name: 'Discussion round',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    frameworkVersionId: versionId,
    countries: ['RS', 'AL'],
  })
  round = created.json().data
  await send(who.coordinator.cookie, 'POST', `/api/rounds/${round.id}/transition`, { to: 'collecting', version: 1 })
})
afterAll(() => t.close())

const thread = (code = 'IDN-1', country = 'RS') =>
  `/api/rounds/${round.id}/countries/${country}/indicators/${code}/comments`

describe('comment threads on indicators', () => {
  it('adds comments with mentions, notifies the mentioned and earlier writers, and audits each step', async () => {
    const first = await send(who.expert.cookie, 'POST', thread(), { body: 'Which source is right on the NRM?' })
    expect(first.statusCode, first.body).toBe(201)
    const seq = await lastAuditSeq(t.db)
    const reply = await send(who.lead.cookie, 'POST', thread(), {
      body: 'The ministry’s rulebook; see the link in the answer.',
      mentions: [who.observer.id],
    })
    expect(reply.statusCode, reply.body).toBe(201)
    const data = reply.json().data as Thread
    expect(data.comments.map((c) => c.body)).toHaveLength(2)
    expect(data.comments[1]?.mentions.map((m) => m.id)).toEqual([who.observer.id])
    expect(data.participants.map((p) => p.id)).toEqual(expect.arrayContaining([who.lead.id, who.expert.id]))
    expect(data.participants.map((p) => p.id)).not.toContain(who.provider.id)
    expect((await auditRowsAfter(t.db, seq)).map((a) => a.action)).toEqual(['comment.created'])
    const told = await t.db
      .selectFrom('notifications')
      .select(['userId', 'kind'])
      .where('roundId', '=', round.id)
      .where('kind', '=', 'comment')
      .execute()
    expect(told.map((n) => n.userId).sort()).toEqual([who.expert.id, who.observer.id].sort())
  })

  it('resolves and reopens with a version check; only the author, the lead or a coordinator may', async () => {
    const list = (await send(who.lead.cookie, 'GET', thread())).json().data as Thread
    const comment = list.comments[0] as Thread['comments'][number]
    const url = `${thread()}/${comment.id}`
    expect(
      (await expectNoChange(t.db, () => send(who.observer.cookie, 'POST', `${url}/resolve`, { version: 1 })))
        .statusCode,
    ).toBe(403)
    const resolved = await send(who.expert.cookie, 'POST', `${url}/resolve`, { version: 1 })
    expect(resolved.statusCode, resolved.body).toBe(200)
    expect((resolved.json().data as Thread).comments[0]?.resolvedBy?.id).toBe(who.expert.id)
    expect(
      (await expectNoChange(t.db, () => send(who.lead.cookie, 'POST', `${url}/reopen`, { version: 1 }))).statusCode,
    ).toBe(409)
    expect((await send(who.lead.cookie, 'POST', `${url}/reopen`, { version: 2 })).statusCode).toBe(200)
  })

  it('hides threads from data providers and other countries, and refuses mentions of outsiders', async () => {
    for (const res of [
      await send(who.provider.cookie, 'GET', thread()),
      await send(who.expertAl.cookie, 'GET', thread()),
      await expectNoChange(t.db, () => send(who.expertAl.cookie, 'POST', thread(), { body: 'Hello' })),
      await send(who.lead.cookie, 'GET', thread('ZZZ-1')),
    ])
      expect(res.statusCode).toBe(404)
    expect(
      (await expectNoChange(t.db, () => send(who.observer.cookie, 'POST', thread(), { body: 'Hi' }))).statusCode,
    ).toBe(403)
    const outsider = await expectNoChange(t.db, () =>
      send(who.lead.cookie, 'POST', thread(), { body: 'Look', mentions: [who.provider.id] }),
    )
    expect(outsider.statusCode).toBe(400)
    expect(outsider.json().error.details.issues[0].path).toBe('body.mentions[0]')
  })
})

describe('findings and conclusions', () => {
  const url = () => `/api/rounds/${round.id}/countries/RS/narratives`

  it('stores rich text sanitised: scripts, handlers and unsafe links are removed', async () => {
    const res = await send(who.expert.cookie, 'PUT', url(), {
      version: 0,
      kind: 'finding',
      areaCode: 'IDN',
      html: '<p onclick="steal()">Identification <strong>improved</strong><script>alert(1)</script> <a href="javascript:alert(1)">x</a> <a href="https://example.org">report</a></p><img src=x onerror=alert(1)>',
    })
    expect(res.statusCode, res.body).toBe(200)
    const finding = (res.json().data as Narrative[]).find((n) => n.kind === 'finding') as Narrative
    expect(finding.html).toBe(
      '<p>Identification <strong>improved</strong> <a rel="noopener noreferrer" target="_blank">x</a> <a href="https://example.org" rel="noopener noreferrer" target="_blank">report</a></p>',
    )
    expect(finding.html).not.toMatch(/script|onclick|onerror|javascript:|<img/i)
  })

  it('checks the area, the version and who writes, and changes nothing when refused', async () => {
    const bad = [
      [who.expert.cookie, { version: 0, kind: 'finding', areaCode: 'XYZ', html: '<p>x</p>' }, 400],
      [who.expert.cookie, { version: 0, kind: 'conclusion', areaCode: 'IDN', html: '<p>x</p>' }, 400],
      [who.expert.cookie, { version: 0, kind: 'finding', areaCode: 'IDN', html: '<p>stale</p>' }, 409],
      [who.observer.cookie, { version: 1, kind: 'finding', areaCode: 'IDN', html: '<p>x</p>' }, 403],
      [who.provider.cookie, { version: 1, kind: 'finding', areaCode: 'IDN', html: '<p>x</p>' }, 404],
    ] as const
    for (const [cookie, body, status] of bad) {
      const res = await expectNoChange(t.db, () => send(cookie, 'PUT', url(), body))
      expect(res.statusCode, res.body).toBe(status)
    }
    const conclusion = await send(who.lead.cookie, 'PUT', url(), {
      version: 0,
      kind: 'conclusion',
      areaCode: '',
      html: 'Plain text',
    })
    expect(conclusion.statusCode).toBe(200)
    expect((conclusion.json().data as Narrative[]).map((n) => n.kind)).toEqual(['conclusion', 'finding'])
  })
})
