import type { Adaptation, VersionDetail } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoChange } from '../../../test/db-state.ts'
import { asUser } from '../../../test/factories.ts'
import { frameworkDoc, indicator, multipartFile } from '../../../test/framework-fixture.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'

let t: TestApp
let coordinator: string
let published: VersionDetail

async function send(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  url: string,
  payload?: object,
  cookie = coordinator,
) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}

beforeAll(async () => {
  t = await createTestApp()
  coordinator = (await asUser(t.app, 'regional_coordinator')).cookie
  const { payload, headers } = multipartFile(JSON.stringify(frameworkDoc()))
  const imported = await t.app.inject({
    method: 'POST',
    url: '/api/frameworks/import',
    payload,
    headers: { ...headers, cookie: coordinator },
  })
  const draft = imported.json().data as VersionDetail
  published = (await send('POST', `/api/framework-versions/${draft.id}/publish`, { version: draft.version })).json()
    .data
})
afterAll(() => t.close())

describe('editing a draft', () => {
  it('adds, moves, splits and removes indicators and areas, each with its audit row', async () => {
    const draft = (await send('POST', `/api/framework-versions/${published.id}/drafts`, { label: 'edit' })).json()
      .data as VersionDetail
    const base = `/api/framework-versions/${draft.id}`
    const { lineage: _l, ...newOne } = indicator('PRV-1', { area: 'PRV' })
    expect((await send('POST', `${base}/indicators`, newOne)).statusCode).toBe(400)
    expect(
      (
        await send('POST', `${base}/areas`, {
          code: 'PRV',
          title: { en: 'Prevention' },
          description: { en: 'Stopping trafficking before it happens' },
        })
      ).statusCode,
    ).toBe(201)
    expect((await send('POST', `${base}/indicators`, newOne)).statusCode).toBe(201)
    const split = await send('POST', `${base}/indicators/IDN-2/split`, {
      into: [
        { code: 'IDN-5', title: { en: 'Part A' } },
        { code: 'IDN-6', title: { en: 'Part B' } },
      ],
    })
    expect(split.statusCode, split.body).toBe(200)
    const after = (await send('GET', base)).json().data as VersionDetail
    expect(after.indicators.map((i) => i.code)).toEqual(['IDN-1', 'IDN-3', 'IDN-5', 'IDN-6', 'AST-1', 'AST-2', 'PRV-1'])
    expect(after.indicators.find((i) => i.code === 'IDN-5')?.lineage).toEqual({ type: 'split', from: ['IDN-2'] })
    expect(after.indicators.find((i) => i.code === 'PRV-1')?.lineage).toEqual({ type: 'new', from: [] })
    const audit = await t.db.selectFrom('auditEvents').select('action').orderBy('seq', 'desc').limit(3).execute()
    expect(audit.map((a) => a.action)).toEqual(['indicator.split', 'indicator.created', 'area.created'])
  })

  it('refuses an area delete while it has indicators', async () => {
    const draft = (await send('POST', `/api/framework-versions/${published.id}/drafts`, { label: 'areas' })).json()
      .data as VersionDetail
    const res = await expectNoChange(t.db, () =>
      send('DELETE', `/api/framework-versions/${draft.id}/areas/IDN?version=1`),
    )
    expect(res.statusCode).toBe(409)
  })

  it('refuses a merge into a code that is used', async () => {
    const draft = (await send('POST', `/api/framework-versions/${published.id}/drafts`, { label: 'merge' })).json()
      .data as VersionDetail
    const res = await expectNoChange(t.db, () =>
      send('POST', `/api/framework-versions/${draft.id}/merge`, {
        codes: ['AST-1', 'AST-2'],
        into: { code: 'IDN-1', title: { en: 'x' } },
      }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues[0].path).toBe('body.into.code')
  })
})

describe('country adaptation', () => {
  it('lets the country lead exclude optional indicators and add a national one, never exclude a core one', async () => {
    const lead = (await asUser(t.app, 'country_lead', 'RS')).cookie
    const url = `/api/framework-versions/${published.id}/adaptations/RS`
    const empty = (await send('GET', url, undefined, lead)).json().data as Adaptation
    expect(empty.version).toBe(0)
    expect(empty.abilities).toEqual(['adaptation.edit'])
    const { lineage: _l, ...extra } = indicator('IDN-50', { title: { en: 'Serbian extra' } })
    const body = {
      version: 0,
      notes: { en: 'Adapted to the Law on Social Protection', 'sr-Cyrl': 'Прилагођено' },
      items: [{ code: 'IDN-2', excluded: true, nationalNote: {}, nationalLegalReferences: [], nationalSources: [] }],
      extraIndicators: [extra],
    }
    const saved = await send('PUT', url, body, lead)
    expect(saved.statusCode, saved.body).toBe(200)
    const adaptation = saved.json().data as Adaptation
    expect(adaptation.notes['sr-Latn']).toBe('Prilagođeno')
    expect(adaptation.extraIndicators.map((i) => i.code)).toEqual(['IDN-50'])
    const core = await expectNoChange(t.db, () =>
      send('PUT', url, { ...body, version: 1, items: [{ ...body.items[0], code: 'IDN-1' }] }, lead),
    )
    expect(core.statusCode).toBe(400)
    expect(core.json().error.details.issues[0].path).toBe('body.items[0].excluded')
    const stale = await expectNoChange(t.db, () => send('PUT', url, body, lead))
    expect(stale.statusCode).toBe(409)
  })

  it('hides another country (404) and refuses those who may not adapt (403)', async () => {
    const leadAl = (await asUser(t.app, 'country_lead', 'AL')).cookie
    const expertRs = (await asUser(t.app, 'expert', 'RS')).cookie
    const url = `/api/framework-versions/${published.id}/adaptations/RS`
    const body = { version: 0, notes: {}, items: [], extraIndicators: [] }
    expect((await send('GET', url, undefined, leadAl)).statusCode).toBe(404)
    expect((await expectNoChange(t.db, () => send('PUT', url, body, leadAl))).statusCode).toBe(404)
    expect((await expectNoChange(t.db, () => send('PUT', url, body, expertRs))).statusCode).toBe(403)
  })
})

describe('the default Handbook', () => {
  it('imports and publishes with every area, indicator and core flag', async () => {
    const fresh = await createTestApp()
    try {
      expect(await seedDefaultHandbook(fresh.db)).toBe(true)
      expect(await seedDefaultHandbook(fresh.db)).toBe(false)
      const cookie = (await asUser(fresh.app, 'observer', null)).cookie
      const list = (await fresh.app.inject({ method: 'GET', url: '/api/frameworks', headers: { cookie } })).json().data
      const version = list[0].versions[0]
      expect(version.status).toBe('published')
      const detail = (
        await fresh.app.inject({ method: 'GET', url: `/api/framework-versions/${version.id}`, headers: { cookie } })
      ).json().data as VersionDetail
      expect(detail.areas.length).toBeGreaterThanOrEqual(9)
      for (const area of detail.areas) {
        const n = detail.indicators.filter((i) => i.area === area.code).length
        expect(n, area.code).toBeGreaterThanOrEqual(5)
        expect(n, area.code).toBeLessThanOrEqual(8)
      }
      expect(detail.indicators.filter((i) => i.frameworkIndicator).map((i) => i.code)).toEqual([
        'PRV-1',
        'PRV-2',
        'PRV-3',
        'PRV-4',
      ])
      expect(detail.indicators.filter((i) => i.core).length).toBeGreaterThanOrEqual(20)
      expect(detail.translations.en?.missing).toBe(0)
    } finally {
      await fresh.close()
    }
  })
})
