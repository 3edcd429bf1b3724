import type { FrameworkDoc, VersionDetail, VersionDiff } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoChange } from '../../../test/db-state.ts'
import { asUser } from '../../../test/factories.ts'
import { frameworkDoc, indicator, multipartFile } from '../../../test/framework-fixture.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'

let t: TestApp
let coordinator: string
let expert: string

beforeAll(async () => {
  t = await createTestApp()
  coordinator = (await asUser(t.app, 'regional_coordinator')).cookie
  expert = (await asUser(t.app, 'expert', 'RS')).cookie
})
afterAll(() => t.close())

async function importDoc(doc: FrameworkDoc | string | Buffer, cookie = coordinator) {
  const body = typeof doc === 'string' || Buffer.isBuffer(doc) ? doc : JSON.stringify(doc)
  const { payload, headers } = multipartFile(body)
  return t.app.inject({ method: 'POST', url: '/api/frameworks/import', payload, headers: { ...headers, cookie } })
}

async function get<T>(url: string, cookie = coordinator): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as T
}

async function send(method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: object, cookie = coordinator) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}

describe('importing a framework', () => {
  it('creates a draft version with every area and indicator, in order', async () => {
    const res = await importDoc(
      frameworkDoc({ framework: { code: 'IMP', name: { en: 'Imported' }, baseLocale: 'en' } }),
    )
    expect(res.statusCode, res.body).toBe(201)
    const v = res.json().data as VersionDetail
    expect(v.status).toBe('draft')
    expect(v.areas.map((a) => a.code)).toEqual(['IDN', 'AST'])
    expect(v.indicators.map((i) => i.code)).toEqual(['IDN-1', 'IDN-2', 'IDN-3', 'AST-1', 'AST-2'])
  })

  it('keeps formulas and HTML as plain text', async () => {
    const doc = frameworkDoc({ framework: { code: 'TXT', name: { en: 'Text' }, baseLocale: 'en' } })
    doc.indicators[0] = indicator('IDN-1', {
      title: { en: '=SUM(A1:A9)' },
      definition: { en: '<img src=x onerror=alert(1)>' },
    })
    const v = (await importDoc(doc)).json().data as VersionDetail
    expect(v.indicators[0]?.title.en).toBe('=SUM(A1:A9)')
    expect(v.indicators[0]?.definition.en).toBe('<img src=x onerror=alert(1)>')
  })

  const bad: [string, () => FrameworkDoc | string | Buffer, string][] = [
    ['an empty file', () => '', 'file'],
    ['a file that is neither JSON nor XLSX', () => Buffer.from('%PDF-1.7 not a framework'), 'file'],
    ['another schema version', () => ({ ...frameworkDoc(), schemaVersion: 2 as 1 }), 'schemaVersion'],
    [
      'a missing required field',
      () => {
        const doc = frameworkDoc() as unknown as { indicators: Record<string, unknown>[] }
        delete doc.indicators[0]?.definition
        return doc as unknown as FrameworkDoc
      },
      'indicators[0].definition',
    ],
    [
      'an unknown area code',
      () => frameworkDoc({ indicators: [indicator('IDN-1', { area: 'ZZZ' })] }),
      'indicators[0].area',
    ],
    [
      'a duplicate indicator code',
      () => frameworkDoc({ indicators: [indicator('IDN-1'), indicator('IDN-1')] }),
      'indicators[1].code',
    ],
    [
      'a rubric with a missing level',
      () =>
        frameworkDoc({
          indicators: [
            indicator('IDN-1', {
              measurement: { type: 'rubric', levels: [{ en: 'a' }, { en: 'b' }, { en: 'c' }, { en: 'd' }] },
            }),
          ],
        }),
      'indicators[0].measurement.levels',
    ],
    [
      'lineage to a code the previous version lacks',
      () =>
        frameworkDoc({
          version: { label: '1.1', basedOn: '1.0', notes: {} },
          indicators: [indicator('IDN-1', { lineage: { type: 'renamed', from: ['IDN-99'] } })],
        }),
      'indicators[0].lineage.from',
    ],
  ]
  it.each(bad)('refuses %s with its location and changes nothing', async (_name, make, path) => {
    await importDoc(frameworkDoc())
    const res = await expectNoChange(t.db, () => importDoc(make()))
    expect(res.statusCode, res.body).toBe(400)
    const paths = (res.json().error.details.issues as { path: string }[]).map((i) => i.path)
    expect(paths).toContain(path)
  })

  it('reports every problem at once', async () => {
    const doc = frameworkDoc({
      indicators: [
        indicator('IDN-1', { area: 'NOPE' }),
        indicator('IDN-1'),
        indicator('AST-1', { redFlag: true, measurement: { type: 'count' } }),
      ],
    })
    const res = await expectNoChange(t.db, () => importDoc(doc))
    const paths = (res.json().error.details.issues as { path: string }[]).map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['indicators[0].area', 'indicators[1].code', 'indicators[2].redFlag']))
  })

  it('answers 413 to a file over the limit and writes nothing', async () => {
    const res = await expectNoChange(t.db, () => importDoc(Buffer.alloc(21 * 1024 * 1024, 32)))
    expect(res.statusCode).toBe(413)
  })

  it('is for editors only', async () => {
    const res = await importDoc(
      frameworkDoc({ framework: { code: 'NOPE', name: { en: 'x' }, baseLocale: 'en' } }),
      expert,
    )
    expect(res.statusCode).toBe(403)
  })
})

describe('versions, publication and lineage', () => {
  let v1: VersionDetail

  beforeAll(async () => {
    const res = await importDoc(frameworkDoc({ framework: { code: 'LIN', name: { en: 'Lineage' }, baseLocale: 'en' } }))
    v1 = res.json().data
    const pub = await send('POST', `/api/framework-versions/${v1.id}/publish`, { version: v1.version })
    expect(pub.statusCode, pub.body).toBe(200)
    v1 = pub.json().data
  })

  it('freezes a published version: every write answers 409 and changes nothing', async () => {
    const ind = v1.indicators[0]
    const writes = [
      () =>
        send('PATCH', `/api/framework-versions/${v1.id}/indicators/IDN-1`, {
          version: ind?.version,
          title: { en: 'Changed' },
        }),
      () => send('POST', `/api/framework-versions/${v1.id}/indicators`, { ...indicator('IDN-9'), lineage: undefined }),
      () => send('DELETE', `/api/framework-versions/${v1.id}/indicators/IDN-1?version=1`),
      () =>
        send('POST', `/api/framework-versions/${v1.id}/merge`, {
          codes: ['IDN-1', 'IDN-2'],
          into: { code: 'IDN-9', title: { en: 'M' } },
        }),
      () => send('PATCH', `/api/framework-versions/${v1.id}`, { version: v1.version, label: 'x' }),
      () => send('POST', `/api/framework-versions/${v1.id}/publish`, { version: v1.version }),
    ]
    for (const write of writes) {
      const res = await expectNoChange(t.db, write)
      expect(res.statusCode, res.body).toBe(409)
    }
  })

  it('makes a v2 draft, renames, merges and retires, publishes, and the diff shows exactly that', async () => {
    const draftRes = await send('POST', `/api/framework-versions/${v1.id}/drafts`, { label: '2.0' })
    expect(draftRes.statusCode, draftRes.body).toBe(201)
    const draft = draftRes.json().data as VersionDetail
    expect(draft.indicators.every((i) => i.lineage.type === 'unchanged')).toBe(true)

    const idn3 = draft.indicators.find((i) => i.code === 'IDN-3')
    const rename = await send('PATCH', `/api/framework-versions/${draft.id}/indicators/IDN-3`, {
      version: idn3?.version,
      code: 'IDN-4',
    })
    expect(rename.statusCode, rename.body).toBe(200)
    const merge = await send('POST', `/api/framework-versions/${draft.id}/merge`, {
      codes: ['AST-1', 'AST-2'],
      into: { code: 'AST-3', title: { en: 'Merged assistance' } },
    })
    expect(merge.statusCode, merge.body).toBe(200)
    const retire = await send('DELETE', `/api/framework-versions/${draft.id}/indicators/IDN-2?version=1`)
    expect(retire.statusCode, retire.body).toBe(200)

    const current = await get<VersionDetail>(`/api/framework-versions/${draft.id}`)
    const published = await send('POST', `/api/framework-versions/${draft.id}/publish`, { version: current.version })
    expect(published.statusCode, published.body).toBe(200)
    expect((published.json().data as VersionDetail).retired.map((r) => r.code)).toEqual(['IDN-2'])

    const diff = await get<VersionDiff>(`/api/framework-versions/${draft.id}/diff`)
    const simplified = diff.entries.map((e) => ({ change: e.change, from: e.from, to: e.to }))
    expect(simplified).toEqual(
      expect.arrayContaining([
        { change: 'renamed', from: ['IDN-3'], to: ['IDN-4'] },
        { change: 'merged', from: ['AST-1', 'AST-2'], to: ['AST-3'] },
        { change: 'retired', from: ['IDN-2'], to: [] },
      ]),
    )
    expect(diff.entries).toHaveLength(3)
    expect(diff.unchanged).toBe(1)
    expect(diff.entries.find((e) => e.change === 'renamed')?.fields).toEqual([])

    const history = await get<{ steps: { code: string; label: string }[][] }>(
      `/api/framework-versions/${draft.id}/indicators/AST-3/history`,
    )
    expect(history.steps[1]?.map((s) => `${s.label}:${s.code}`)).toEqual(['1.0:AST-1', '1.0:AST-2'])
  })

  it('marks an edited indicator as reworded', async () => {
    const draft = (await send('POST', `/api/framework-versions/${v1.id}/drafts`, { label: '2.1' })).json()
      .data as VersionDetail
    const ind = draft.indicators.find((i) => i.code === 'IDN-1')
    await send('PATCH', `/api/framework-versions/${draft.id}/indicators/IDN-1`, {
      version: ind?.version,
      definition: { en: 'A sharper definition' },
    })
    const after = await get<VersionDetail>(`/api/framework-versions/${draft.id}`)
    expect(after.indicators.find((i) => i.code === 'IDN-1')?.lineage).toEqual({ type: 'reworded', from: ['IDN-1'] })
    const diff = await get<VersionDiff>(`/api/framework-versions/${draft.id}/diff`)
    expect(diff.entries).toEqual([{ change: 'changed', from: ['IDN-1'], to: ['IDN-1'], fields: ['definition'] }])
  })

  it('answers 409 to an edit based on a stale version', async () => {
    const draft = (await send('POST', `/api/framework-versions/${v1.id}/drafts`, { label: '2.2' })).json()
      .data as VersionDetail
    const ind = draft.indicators[0]
    expect(
      (
        await send('PATCH', `/api/framework-versions/${draft.id}/indicators/${ind?.code}`, {
          version: ind?.version,
          guidance: { en: 'first' },
        })
      ).statusCode,
    ).toBe(200)
    const stale = await expectNoChange(t.db, () =>
      send('PATCH', `/api/framework-versions/${draft.id}/indicators/${ind?.code}`, {
        version: ind?.version,
        guidance: { en: 'second' },
      }),
    )
    expect(stale.statusCode).toBe(409)
  })
})

describe('export', () => {
  it('round-trips JSON byte for byte through another installation', async () => {
    const v = (
      await importDoc(
        frameworkDoc({ framework: { code: 'EXP', name: { en: 'Export', 'sr-Cyrl': 'Извоз' }, baseLocale: 'en' } }),
      )
    ).json().data as VersionDetail
    const first = await t.app.inject({
      method: 'GET',
      url: `/api/framework-versions/${v.id}/export?format=json`,
      headers: { cookie: coordinator },
    })
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-disposition']).toContain('EXP-1.0.json')
    expect(JSON.parse(first.body).framework.name['sr-Latn']).toBe('Izvoz')
    const other = await createTestApp()
    try {
      const cookie = (await asUser(other.app, 'admin')).cookie
      const { payload, headers } = multipartFile(first.body)
      const imported = await other.app.inject({
        method: 'POST',
        url: '/api/frameworks/import',
        payload,
        headers: { ...headers, cookie },
      })
      expect(imported.statusCode, imported.body).toBe(201)
      const again = await other.app.inject({
        method: 'GET',
        url: `/api/framework-versions/${imported.json().data.id}/export`,
        headers: { cookie },
      })
      expect(again.body).toBe(first.body)
    } finally {
      await other.close()
    }
  })
})
