import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoChange } from '../../test/db-state.ts'
import { asUser, buildUser, TEST_PASSWORD } from '../../test/factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { SESSION_COOKIE } from '../modules/auth/sessions.ts'

let t: TestApp
let cookie: string
beforeAll(async () => {
  t = await createTestApp()
  cookie = (await asUser(t.app, 'admin')).cookie
})
afterAll(() => t.close())

let names = 0
const createOrg = (app: TestApp['app'], headers: Record<string, string>, session = cookie) =>
  app.inject({
    method: 'POST',
    url: '/api/organisations',
    headers: { cookie: session, host: 'thbm.test', ...headers },
    payload: { name: `Org ${++names}`, type: 'ngo', countryCode: 'RS' },
  })

describe('security headers', () => {
  it('every response carries helmet’s headers and a strict CSP', async () => {
    for (const url of ['/api/health', '/api/no-such-route', '/api/docs']) {
      const res = await t.app.inject({ method: 'GET', url })
      const csp = res.headers['content-security-policy']
      expect(csp, url).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(res.headers['referrer-policy']).toBe('no-referrer')
      expect(res.headers['x-powered-by']).toBeUndefined()
    }
  })

  it('sends no HSTS over plain HTTP by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })

  describe('with COOKIE_SECURE=true', () => {
    let secure: TestApp
    beforeAll(async () => {
      secure = await createTestApp({ COOKIE_SECURE: 'true' })
    })
    afterAll(() => secure.close())

    it('adds HSTS, upgrades insecure requests and marks the session cookie Secure', async () => {
      const user = await buildUser(secure.db)
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: TEST_PASSWORD },
      })
      expect(res.statusCode).toBe(200)
      expect(res.headers['strict-transport-security']).toContain('max-age=')
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests')
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true)
    })
  })
})

describe('cross-site writes', () => {
  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['the same host on another scheme', { origin: 'https://thbm.test' }],
    ['an opaque Origin', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
  ])('are refused with 403 and change nothing: %s', async (_, headers) => {
    const res = await expectNoChange(t.db, () => createOrg(t.app, headers))
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden')
  })

  it('include a sign-in from another site (login CSRF)', async () => {
    const user = await buildUser(t.db)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: user.email, password: TEST_PASSWORD },
    })
    expect(res.statusCode).toBe(403)
    expect(res.cookies).toHaveLength(0)
  })

  it.each([
    ['the same origin', { origin: 'http://thbm.test' }],
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['no Origin at all (CLI, curl)', {}],
  ])('are accepted from %s', async (_, headers) => {
    expect((await createOrg(t.app, headers)).statusCode).toBe(201)
  })

  it('reads are not restricted by Origin', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/countries',
      headers: { cookie, origin: 'https://evil.example' },
    })
    expect(res.statusCode).toBe(200)
  })

  describe('behind a proxy with PUBLIC_URL', () => {
    let proxied: TestApp
    let proxiedCookie: string
    beforeAll(async () => {
      proxied = await createTestApp({ PUBLIC_URL: 'https://monitor.example.org' })
      proxiedCookie = (await asUser(proxied.app, 'admin')).cookie
    })
    afterAll(() => proxied.close())

    it('accepts the public origin even when the Host header is internal', async () => {
      const origin = (value: string) => createOrg(proxied.app, { origin: value }, proxiedCookie)
      expect((await origin('https://monitor.example.org')).statusCode).toBe(201)
      expect((await origin('https://other.example.org')).statusCode).toBe(403)
    })
  })
})

describe('general rate limit', () => {
  let limited: TestApp
  beforeAll(async () => {
    limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: '10' })
  })
  afterAll(() => limited.close())

  it('answers 429 in the error format once an address exceeds the limit on /api', async () => {
    const get = (remoteAddress: string) => limited.app.inject({ method: 'GET', url: '/api/health', remoteAddress })
    for (let i = 0; i < 10; i++) expect((await get('10.1.1.1')).statusCode).toBe(200)
    const res = await get('10.1.1.1')
    expect(res.statusCode).toBe(429)
    expect(res.json()).toEqual({
      error: expect.objectContaining({ code: 'rate_limited' }),
      requestId: expect.any(String),
    })
    expect((await get('10.1.1.2')).statusCode).toBe(200)
  })
})
