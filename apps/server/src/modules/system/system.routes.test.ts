import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, testEngine } from '../../../test/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('system routes', () => {
  it('reports health with the engine and version, without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', database: testEngine(), version: t.config.version })
  })

  it('tells the web app the public configuration; a non-demo installation shows no demo logins', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/config' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      version: t.config.version,
      demo: false,
      demoAccounts: [],
      demoPassword: null,
      defaultLocale: 'en',
    })
  })

  it('serves a valid OpenAPI 3 document that lists every documented route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/)
    expect(doc.info).toMatchObject({ title: expect.any(String), version: t.config.version })
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([url, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${url}`),
      ),
    )
    const hidden = new Set(['/api/openapi.json'])
    const expected = t.app.routeList
      // The API; the user guide's HTML pages (/guide/…) are not part of it.
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && !hidden.has(r.url))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
    expect(expected.length).toBeGreaterThan(20)
    for (const route of expected) expect(documented, route).toContain(route)
  })

  it('is well formed: every path parameter declared, every operation with responses', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const paths = doc.paths as Record<
      string,
      Record<string, { parameters?: { name: string; in: string; required?: boolean }[]; responses?: object }>
    >
    for (const [url, ops] of Object.entries(paths)) {
      const names = [...url.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      for (const [method, op] of Object.entries(ops)) {
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path' && p.required).map((p) => p.name)
        expect(declared.sort(), `${method} ${url}`).toEqual([...names].sort())
        expect(Object.keys(op.responses ?? {}).length, `${method} ${url}`).toBeGreaterThan(0)
      }
    }
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' })
  })

  it('documents which routes need no session', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(doc.security).toEqual([{ session: [] }])
    expect(doc.paths['/api/auth/login'].post.security).toEqual([])
    expect(doc.paths['/api/health'].get.security).toEqual([])
    expect(doc.paths['/api/users'].get.security).toBeUndefined()
  })

  it('describes request bodies and parameters from the shared schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const login = doc.paths['/api/auth/login'].post
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('email')
    const getUser = doc.paths['/api/users/{id}'].get
    expect(getUser.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]))
  })

  it('serves the API docs page without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    // The CSP allows only same-origin scripts: the page must not depend on inline ones.
    const scripts = [...res.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? '')
    expect(scripts.length).toBeGreaterThan(0)
    for (const attributes of scripts) expect(attributes).toMatch(/src="\/api\/docs\//)
    const initializer = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' })
    expect(initializer.statusCode).toBe(200)
    expect(initializer.body).toContain("resolveUrl('./json')")
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json().openapi).toMatch(/^3\./)
  })
})
