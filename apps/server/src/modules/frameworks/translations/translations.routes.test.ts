import type { FrameworkDoc, SaveTranslationsResult } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../../test/db-state.ts'
import { asUser } from '../../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../../test/test-app.ts'
import { translationCalls } from './test-support.ts'

let t: TestApp
let coordinator: string
let expert: string
let call: ReturnType<typeof translationCalls>

beforeAll(async () => {
  t = await createTestApp()
  coordinator = (await asUser(t.app, 'regional_coordinator')).cookie
  expert = (await asUser(t.app, 'expert', 'RS')).cookie
  call = translationCalls(t, () => coordinator)
})
afterAll(() => t.close())

const exportDoc = async (id: string) =>
  (await call.send('GET', `/api/framework-versions/${id}/export?format=json`)).json() as FrameworkDoc

describe('the translation overview', () => {
  it('lists every item with its texts and row version, and counts what is missing per area and language', async () => {
    const id = await call.version('draft', (doc) => {
      doc.indicators[0] = { ...(doc.indicators[0] as FrameworkDoc['indicators'][number]) }
      doc.indicators[0].title = { en: 'Title of IDN-1', sq: 'Titulli', 'sr-Cyrl': 'Наслов' }
      doc.areas[1] = { ...(doc.areas[1] as FrameworkDoc['areas'][number]), title: { en: 'Assistance', mk: 'Помош' } }
    })
    const o = await call.overview(id)
    expect(o.baseLocale).toBe('en')
    expect(o.editableLocales).toEqual(['sr-Cyrl', 'sq', 'mk', 'bs', 'cnr'])
    expect(o.items.map((i) => i.key)).toEqual([
      'framework',
      'area:IDN',
      'area:AST',
      'indicator:IDN-1',
      'indicator:IDN-2',
      'indicator:IDN-3',
      'indicator:AST-1',
      'indicator:AST-2',
    ])
    expect(o.items.every((i) => i.version === 1)).toBe(true)
    const title = o.items[3]?.texts[0]
    expect(title).toEqual({
      address: 'indicator:IDN-1:title',
      field: 'title',
      key: '',
      values: { en: 'Title of IDN-1', 'sr-Cyrl': 'Наслов', 'sr-Latn': 'Naslov', sq: 'Titulli' },
    })
    const gap = (area: string | null, locale: string) => o.gaps.find((g) => g.areaCode === area && g.locale === locale)
    // IDN: 2 area texts, IDN-1 and IDN-2 8 each (title, definition, guidance, 5 levels), IDN-3 4 (… and its unit).
    expect(gap('IDN', 'sq')).toEqual({ areaCode: 'IDN', locale: 'sq', total: 22, missing: 21 })
    expect(gap('IDN', 'sr-Latn')).toMatchObject({ total: 22, missing: 21 })
    expect(gap('IDN', 'mk')).toMatchObject({ missing: 22 })
    // AST: 2 area texts (its title in Macedonian), AST-1 8, AST-2 6 (title, definition, guidance, yes, partial, no).
    expect(gap('AST', 'mk')).toMatchObject({ total: 16, missing: 15 })
    expect(gap(null, 'bs')).toEqual({ areaCode: null, locale: 'bs', total: 2, missing: 2 })
    expect(o.gaps.some((g) => g.locale === 'en')).toBe(false)
  })

  it('is read-only for people who may not translate', async () => {
    const id = await call.version()
    expect((await call.overview(id, expert)).editableLocales).toEqual([])
    const res = await call.save(
      id,
      'framework',
      { version: 1, texts: [{ address: 'framework:name', locale: 'sq', text: 'x' }] },
      expert,
    )
    expect(res.statusCode).toBe(403)
  })
})

describe('saving translations of an item', () => {
  it('stores them, regenerates Serbian Latin, bumps the row version and records the change', async () => {
    const id = await call.version()
    const seq = await lastAuditSeq(t.db)
    const res = await call.save(id, 'indicator:IDN-1', {
      version: 1,
      texts: [
        { address: 'indicator:IDN-1:title', locale: 'sq', text: 'Titulli' },
        { address: 'indicator:IDN-1:level:2', locale: 'sr-Cyrl', text: 'Делимично' },
      ],
    })
    expect(res.statusCode, res.body).toBe(200)
    const data = res.json().data as SaveTranslationsResult
    expect(data.item.version).toBe(2)
    expect(data.item.texts.find((x) => x.address === 'indicator:IDN-1:level:2')?.values).toEqual({
      en: 'Partly',
      'sr-Cyrl': 'Делимично',
      'sr-Latn': 'Delimično',
    })
    expect(data.gaps.find((g) => g.areaCode === 'IDN' && g.locale === 'sq')?.missing).toBe(21)
    expect(await call.text(id, 'indicator:IDN-1:title')).toEqual({ en: 'Title of IDN-1', sq: 'Titulli' })
    const audit = await auditRowsAfter(t.db, seq)
    expect(audit.map((a) => [a.action, a.subjectId, a.summary.after])).toEqual([
      [
        'frameworkVersion.translated',
        id,
        {
          version: '1.0',
          item: 'indicator:IDN-1',
          locales: ['sq', 'sr-Cyrl'],
          addresses: ['indicator:IDN-1:title', 'indicator:IDN-1:level:2'],
        },
      ],
    ])

    // A stale version is refused and changes nothing; an empty text removes the translation.
    const stale = await expectNoChange(t.db, () =>
      call.save(id, 'indicator:IDN-1', {
        version: 1,
        texts: [{ address: 'indicator:IDN-1:title', locale: 'sq', text: 'Tjetër' }],
      }),
    )
    expect(stale.statusCode).toBe(409)
    const cleared = await call.save(id, 'indicator:IDN-1', {
      version: 2,
      texts: [{ address: 'indicator:IDN-1:level:2', locale: 'sr-Cyrl', text: ' ' }],
    })
    expect(cleared.statusCode, cleared.body).toBe(200)
    expect(await call.text(id, 'indicator:IDN-1:level:2')).toEqual({ en: 'Partly' })
  })

  it('refuses the base language, Serbian Latin, and addresses of other items or of nothing', async () => {
    const id = await call.version()
    const bad: [object, string[]][] = [
      [{ address: 'indicator:IDN-1:title', locale: 'en', text: 'New' }, ['body.texts[0].locale']],
      [{ address: 'indicator:IDN-1:title', locale: 'sr-Latn', text: 'x' }, ['body.texts.0.locale']],
      [{ address: 'indicator:IDN-2:title', locale: 'sq', text: 'x' }, ['body.texts[0].address']],
      [{ address: 'indicator:IDN-1:colour', locale: 'sq', text: 'x' }, ['body.texts[0].address']],
    ]
    for (const [text, paths] of bad) {
      const res = await expectNoChange(t.db, () => call.save(id, 'indicator:IDN-1', { version: 1, texts: [text] }))
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(paths)
    }
    const unknown = await call.save(id, 'indicator:NOPE-1', {
      version: 1,
      texts: [{ address: 'indicator:IDN-1:title', locale: 'sq', text: 'x' }],
    })
    expect(unknown.statusCode).toBe(404)
  })

  it('translates the framework name and version notes with the version row', async () => {
    const id = await call.version()
    const res = await call.save(id, 'framework', {
      version: 1,
      texts: [
        { address: 'framework:name', locale: 'mk', text: 'Тест рамка' },
        { address: 'version:notes', locale: 'mk', text: 'Прва верзија' },
      ],
    })
    expect(res.statusCode, res.body).toBe(200)
    const v = (await call.send('GET', `/api/framework-versions/${id}`)).json().data
    expect(v.version).toBe(2)
    expect(v.framework.name.mk).toBe('Тест рамка')
    expect(v.notes).toEqual({ en: 'First version', mk: 'Прва верзија' })
  })

  it('takes translations on a published version and changes nothing else, at once for every reader', async () => {
    const id = await call.version('published')
    const before = await exportDoc(id)
    const shownBefore = (await call.send('GET', `/api/framework-versions/${id}`)).json().data
    const res = await call.save(id, 'indicator:AST-2', {
      version: 1,
      texts: [{ address: 'indicator:AST-2:level:yes', locale: 'sq', text: 'Po' }],
    })
    expect(res.statusCode, res.body).toBe(200)
    const after = await exportDoc(id)
    const ast2 = before.indicators.find((i) => i.code === 'AST-2')
    if (ast2?.measurement.type !== 'yes_partial_no') throw new Error('fixture changed')
    ast2.measurement.descriptors.yes = { en: 'Yes', sq: 'Po' }
    expect(after).toEqual(before)
    const shown = (await call.send('GET', `/api/framework-versions/${id}`)).json().data
    expect(shown.status).toBe('published')
    expect(shown.indicators.find((i: { code: string }) => i.code === 'AST-2').measurement.descriptors.yes.sq).toBe('Po')
    expect(shown.translations.sq.missing).toBe(shownBefore.translations.sq.missing - 1)
  })

  it('refuses a retired version', async () => {
    const id = await call.version('published')
    const v = (await call.send('GET', `/api/framework-versions/${id}`)).json().data
    expect((await call.send('POST', `/api/framework-versions/${id}/retire`, { version: v.version })).statusCode).toBe(
      200,
    )
    expect((await call.overview(id)).editableLocales).toEqual([])
    const res = await expectNoChange(t.db, () =>
      call.save(id, 'indicator:IDN-1', {
        version: 1,
        texts: [{ address: 'indicator:IDN-1:title', locale: 'sq', text: 'x' }],
      }),
    )
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('invalid_state')
  })
})
