import type { FrameworkDoc, TranslationOverview, VersionDetail } from '@thbm/shared'
import { expect } from 'vitest'
import { frameworkDoc, multipartFile } from '../../../../test/framework-fixture.ts'
import type { TestApp } from '../../../../test/test-app.ts'

/** Helpers of the translation route tests: a framework version of the small fixture and calls on it. */
export function translationCalls(t: TestApp, coordinator: () => string) {
  let seq = 0
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, cookie = coordinator()) =>
    t.app.inject({ method, url, payload, headers: { cookie } })
  const api = {
    send,
    /** A new draft (or published) version of a new framework made of the small fixture, changed by `edit`. */
    async version(status: 'draft' | 'published' = 'draft', edit?: (doc: FrameworkDoc) => void): Promise<string> {
      const doc = frameworkDoc({ framework: { code: `TR${++seq}`, name: { en: 'Test framework' }, baseLocale: 'en' } })
      edit?.(doc)
      const { payload, headers } = multipartFile(JSON.stringify(doc))
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/frameworks/import',
        payload,
        headers: { ...headers, cookie: coordinator() },
      })
      expect(res.statusCode, res.body).toBe(201)
      const v = res.json().data as VersionDetail
      if (status === 'published') {
        const pub = await send('POST', `/api/framework-versions/${v.id}/publish`, { version: v.version })
        expect(pub.statusCode, pub.body).toBe(200)
      }
      return v.id
    },
    async overview(id: string, cookie = coordinator()): Promise<TranslationOverview> {
      const res = await send('GET', `/api/framework-versions/${id}/translations`, undefined, cookie)
      expect(res.statusCode, res.body).toBe(200)
      return res.json().data as TranslationOverview
    },
    /** The stored values of one text. */
    async text(id: string, address: string) {
      const items = (await api.overview(id)).items
      return items.flatMap((i) => i.texts).find((x) => x.address === address)?.values
    },
    save(id: string, item: string, body: object, cookie = coordinator()) {
      return send('PUT', `/api/framework-versions/${id}/translations/${encodeURIComponent(item)}`, body, cookie)
    },
    async exportWorkbook(id: string, query = ''): Promise<Buffer> {
      const res = await send('GET', `/api/framework-versions/${id}/translations.xlsx${query}`)
      expect(res.statusCode, res.body).toBe(200)
      return res.rawPayload
    },
    importWorkbook(id: string, data: Buffer, cookie = coordinator()) {
      const { payload, headers } = multipartFile(data, 'translations.xlsx')
      return t.app.inject({
        method: 'POST',
        url: `/api/framework-versions/${id}/translations.xlsx`,
        payload,
        headers: { ...headers, cookie },
      })
    },
  }
  return api
}
