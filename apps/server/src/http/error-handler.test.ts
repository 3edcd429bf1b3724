import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoChange } from '../../test/db-state.ts'
import { asUser } from '../../test/factories.ts'
import { indicator } from '../../test/framework-fixture.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
let cookie: string
beforeAll(async () => {
  t = await createTestApp()
  cookie = (await asUser(t.app, 'admin')).cookie
})
afterAll(() => t.close())

const USER = '01900000-0000-7000-8000-0000000000aa'
const TOKEN = 'a'.repeat(43)
const FV = `/api/framework-versions/${USER}`
const ANSWER = `/api/rounds/${USER}/countries/RS/indicators/IDN-1/answers/${USER}`
const ASSESSMENT = `/api/rounds/${USER}/countries/RS/indicators/IDN-1/assessment`
const { lineage: _lineage, ...INDICATOR } = indicator('IDN-7')

/** Checks the one error body shape, and that nothing internal leaks into it. */
function expectErrorBody(res: { body: string; json(): unknown }, code: string) {
  const body = res.json() as { error: Record<string, unknown>; requestId: string }
  expect(Object.keys(body).sort()).toEqual(['error', 'requestId'])
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/)
  expect(body.error.code).toBe(code)
  expect(typeof body.error.message).toBe('string')
  for (const key of Object.keys(body.error)) expect(['code', 'message', 'details']).toContain(key)
  expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|stack|select |insert into|sqlite|SQLITE|relation "/i)
  return body
}

type Case = [method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload: unknown, path: string]

/** A request per route with input, wrong in exactly one place, and the field path the answer must name. */
const BAD_INPUT: Case[] = [
  ['POST', '/api/auth/login', { email: 'nope', password: 'x' }, 'body.email'],
  ['PATCH', '/api/auth/me', { locale: 'klingon' }, 'body.locale'],
  ['POST', '/api/auth/password', { currentPassword: 'x' }, 'body.newPassword'],
  ['GET', '/api/auth/invitations/short', undefined, 'params.token'],
  ['POST', '/api/auth/invitations/accept', { token: TOKEN, name: '', password: 'x' }, 'body.name'],
  ['POST', '/api/auth/password-reset', { token: 'short', password: 'Long-Enough-Pass-1' }, 'body.token'],
  ['GET', '/api/users?role=king', undefined, 'querystring.role'],
  ['GET', '/api/users/not-a-uuid', undefined, 'params.id'],
  ['PATCH', `/api/users/${USER}`, { version: 0 }, 'body.version'],
  ['POST', '/api/users/not-a-uuid/password-reset', undefined, 'params.id'],
  ['POST', `/api/users/${USER}/memberships`, { role: 'expert', countryCode: 'Serbia' }, 'body.countryCode'],
  ['DELETE', `/api/users/${USER}/memberships/42`, undefined, 'params.membershipId'],
  ['POST', '/api/invitations', { email: 'x@', role: 'expert', countryCode: 'RS' }, 'body.email'],
  ['DELETE', '/api/invitations/XYZ', undefined, 'params.id'],
  ['GET', '/api/countries/rs', undefined, 'params.code'],
  ['PATCH', '/api/countries/RS', { version: '1', names: { en: 'Serbia' } }, 'body.version'],
  ['GET', '/api/organisations?includeInactive=1', undefined, 'querystring.includeInactive'],
  ['GET', '/api/organisations/123', undefined, 'params.id'],
  ['POST', '/api/organisations', { name: 'X', type: 'club', countryCode: 'RS' }, 'body.type'],
  ['PATCH', `/api/organisations/${USER}`, { version: 1, active: 'yes' }, 'body.active'],
  ['GET', '/api/audit?limit=0', undefined, 'querystring.limit'],
  ['GET', '/api/me/notifications?limit=0', undefined, 'querystring.limit'],
  ['GET', '/api/jobs/j1', undefined, 'params.id'],
  [
    'POST',
    `/api/rounds/${USER}/countries/RS/indicators/IDN-1/assessment/resolve`,
    { version: 1, score: 2 },
    'body.note',
  ],
  ['GET', `/api/rounds/${USER}/countries/R1/agreement`, undefined, 'params.country'],
  ['POST', `/api/rounds/${USER}/countries/RS/reminders`, { indicatorCodes: [] }, 'body.indicatorCodes'],
  [
    'GET',
    `/api/rounds/${USER}/countries/RS/reminders/preview?indicatorCodes=soon`,
    undefined,
    'querystring.indicatorCodes.0',
  ],
  ['GET', `/api/rounds/${USER}/countries/RS/indicators/idn-1/comments`, undefined, 'params.code'],
  ['POST', `/api/rounds/${USER}/countries/RS/indicators/IDN-1/comments`, { body: ' ' }, 'body.body'],
  ['POST', `/api/rounds/${USER}/countries/RS/indicators/IDN-1/comments/1/resolve`, { version: 1 }, 'params.commentId'],
  ['POST', `/api/rounds/${USER}/countries/RS/indicators/IDN-1/comments/${USER}/reopen`, { version: 0 }, 'body.version'],
  ['GET', `/api/rounds/${USER}/countries/rs/narratives`, undefined, 'params.country'],
  [
    'PUT',
    `/api/rounds/${USER}/countries/RS/narratives`,
    { version: 0, kind: 'essay', areaCode: '', html: '' },
    'body.kind',
  ],
  ['GET', '/api/countries/rs/recommendations', undefined, 'params.code'],
  ['GET', '/api/countries/rs/implementation', undefined, 'params.code'],
  ['GET', `/api/rounds/${USER}/countries/serbia/follow-ups`, undefined, 'params.country'],
  ['POST', `/api/rounds/${USER}/countries/RS/recommendations`, { text: 'x', priority: 'very' }, 'body.priority'],
  ['GET', '/api/recommendations/1', undefined, 'params.id'],
  ['PATCH', `/api/recommendations/${USER}`, { version: 1, source: 'rumour' }, 'body.source'],
  ['PUT', `/api/recommendations/${USER}/follow-ups/${USER}`, { version: 0, status: 'done' }, 'body.status'],
  ['POST', '/api/me/notifications/read', { ids: ['not-an-id'] }, 'body.ids.0'],
  ['GET', '/api/framework-versions/v1', undefined, 'params.versionId'],
  ['GET', `${FV}/export?format=pdf`, undefined, 'querystring.format'],
  ['GET', `${FV}/diff?against=x`, undefined, 'querystring.against'],
  ['POST', `${FV}/drafts`, { label: '' }, 'body.label'],
  ['PATCH', FV, { version: 0 }, 'body.version'],
  ['POST', `${FV}/publish`, {}, 'body.version'],
  ['POST', `${FV}/retire`, { version: 'x' }, 'body.version'],
  ['DELETE', `${FV}?version=abc`, undefined, 'querystring.version'],
  ['POST', `${FV}/indicators`, { ...INDICATOR, kind: 'opinion' }, 'body.kind'],
  ['PATCH', `${FV}/indicators/IDN-1`, { version: 1, kind: 'opinion' }, 'body.kind'],
  ['DELETE', `${FV}/indicators/idn1?version=1`, undefined, 'params.code'],
  ['POST', `${FV}/merge`, { codes: ['IDN-1'], into: { code: 'IDN-9', title: { en: 'x' } } }, 'body.codes'],
  ['POST', `${FV}/indicators/IDN-1/split`, { into: [{ code: 'IDN-8', title: { en: 'a' } }] }, 'body.into'],
  ['GET', `${FV}/indicators/x/history`, undefined, 'params.code'],
  ['POST', `${FV}/areas`, { code: 'bad', title: { en: 'x' }, description: { en: 'y' } }, 'body.code'],
  ['PATCH', `${FV}/areas/IDN`, { version: 0 }, 'body.version'],
  ['DELETE', `${FV}/areas/IDN?version=0`, undefined, 'querystring.version'],
  ['GET', '/api/framework-versions/v1/translations', undefined, 'params.versionId'],
  ['PUT', `${FV}/translations/indicator:IDN-1`, { version: 1, texts: [] }, 'body.texts'],
  ['GET', `${FV}/translations.xlsx?lang=de`, undefined, 'querystring.lang'],
  ['POST', '/api/framework-versions/v1/translations.xlsx', undefined, 'params.versionId'],
  ['GET', `${FV}/adaptations/rs`, undefined, 'params.country'],
  ['PUT', `${FV}/adaptations/RS`, { version: 0, notes: {}, items: [], extraIndicators: 'x' }, 'body.extraIndicators'],
  [
    'POST',
    '/api/rounds',
    { name: 'R', periodFrom: '2026-1-1', periodTo: '2026-12-31', frameworkVersionId: USER, countries: ['RS'] },
    'body.periodFrom',
  ],
  ['GET', '/api/rounds/r1', undefined, 'params.roundId'],
  ['GET', '/api/files/f1', undefined, 'params.id'],
  ['PATCH', `/api/rounds/${USER}`, { version: 1, countries: [] }, 'body.countries'],
  ['POST', `/api/rounds/${USER}/transition`, { to: 'done', version: 1 }, 'body.to'],
  ['GET', `/api/rounds/${USER}/countries/Serbia/progress`, undefined, 'params.country'],
  ['GET', `/api/rounds/${USER}/countries/RS/indicators/idn-1`, undefined, 'params.code'],
  ['PUT', ANSWER, { version: 0, value: { choice: 3 } }, 'body.value.choice'],
  ['POST', `${ANSWER}/submit`, { version: 0 }, 'body.version'],
  ['POST', `/api/rounds/${USER}/countries/RS/submit`, { indicatorCodes: [] }, 'body.indicatorCodes'],
  ['POST', `${ANSWER}/return`, { version: 1, comment: '' }, 'body.comment'],
  ['GET', `/api/rounds/${USER}/countries/RS/template?lang=de`, undefined, 'querystring.lang'],
  ['POST', `/api/rounds/${USER}/countries/rs/template`, undefined, 'params.country'],
  ['GET', `/api/rounds/${USER}/countries/RS/template/imports/j1`, undefined, 'params.jobId'],
  ['GET', '/api/rounds/r1/countries/RS/import-batches', undefined, 'params.roundId'],
  ['POST', `/api/rounds/${USER}/countries/RS/import-batches/${USER}/revert`, { reason: ' ' }, 'body.reason'],
  ['GET', `/api/rounds/${USER}/countries/RS/indicators/idn-1/assessment`, undefined, 'params.code'],
  ['PUT', ASSESSMENT, { version: 0, score: '3' }, 'body.score'],
  ['PUT', `${ASSESSMENT}?scorer=third`, { version: 0 }, 'querystring.scorer'],
  ['POST', `${ASSESSMENT}/submit`, { version: 0 }, 'body.version'],
  ['POST', `${ASSESSMENT}/return`, { version: 1, comment: ' ' }, 'body.comment'],
  ['POST', `${ASSESSMENT}/validate`, { version: '1' }, 'body.version'],
  ['POST', `${ASSESSMENT}/unlock`, { version: 1 }, 'body.reason'],
  ['GET', `/api/rounds/${USER}/countries/Serbia/scores`, undefined, 'params.country'],
  ['GET', `/api/rounds/${USER}/countries/RS/report?format=odt`, undefined, 'querystring.format'],
  ['GET', `/api/rounds/${USER}/report?lang=de`, undefined, 'querystring.lang'],
  ['GET', '/api/rounds/r1/publications', undefined, 'params.roundId'],
  ['POST', `/api/rounds/${USER}/countries/RS/publications`, { changeNote: 5 }, 'body.changeNote'],
  ['POST', `/api/rounds/${USER}/publications`, { changeNote: ['x'] }, 'body.changeNote'],
  ['GET', '/api/publications/p1/report', undefined, 'params.id'],
  ['GET', '/api/public/rounds/r1', undefined, 'params.roundId'],
  ['GET', '/api/public/publications/p1', undefined, 'params.id'],
  ['GET', `/api/public/publications/${USER}/report?disclosure=internal`, undefined, 'querystring'],
  ['GET', '/api/public/countries/rs', undefined, 'params.code'],
  ['GET', '/api/rounds/r1/region/narratives', undefined, 'params.roundId'],
  ['GET', '/api/countries/rs/profile', undefined, 'params.code'],
  ['GET', '/api/rounds/r1/overview', undefined, 'params.roundId'],
  ['GET', '/api/indicators/explorer?code=idn', undefined, 'querystring.code'],
  [
    'PUT',
    `/api/rounds/${USER}/region/narratives`,
    { version: 0, kind: 'verdict', areaCode: '', html: '' },
    'body.kind',
  ],
  [
    'PUT',
    `/api/rounds/${USER}/countries/RS/assignments/IDN-1`,
    { version: 0, expertId: null, providers: [], dueOn: '31.12.2026' },
    'body.dueOn',
  ],
  ['POST', '/api/reviews', { frameworkVersionId: USER, title: 'Review', criteria: ['beauty'] }, 'body.criteria.0'],
  ['GET', '/api/reviews/r1', undefined, 'params.id'],
  ['PATCH', `/api/reviews/${USER}`, { version: 0 }, 'body.version'],
  ['POST', `/api/reviews/${USER}/participants`, { userId: USER, countryCode: 'RS', role: 'king' }, 'body.role'],
  ['DELETE', `/api/reviews/${USER}/participants/p1`, undefined, 'params.participantId'],
  ['POST', `/api/reviews/${USER}/consent`, { named: 'yes' }, 'body.named'],
  ['POST', `/api/reviews/${USER}/open-round`, { version: 1, closesOn: '1 March' }, 'body.closesOn'],
  ['POST', `/api/reviews/${USER}/close-round`, { version: 'x' }, 'body.version'],
  ['POST', `/api/reviews/${USER}/close`, { version: 0 }, 'body.version'],
  ['GET', '/api/reviews/r1/my-responses', undefined, 'params.id'],
  [
    'PUT',
    `/api/reviews/${USER}/my-responses/IDN-1`,
    { version: 0, ratings: { significance: 6 } },
    'body.ratings.significance',
  ],
  ['GET', '/api/reviews/r1/evidence', undefined, 'params.id'],
  ['GET', `/api/reviews/${USER}/results?round=0`, undefined, 'querystring.round'],
  ['GET', `/api/reviews/${USER}/ratings?round=x`, undefined, 'querystring.round'],
  ['GET', '/api/reviews/r1/decisions', undefined, 'params.id'],
  ['PUT', `/api/reviews/${USER}/decisions/IDN-1`, { version: 0, decision: 'burn' }, 'body.decision'],
  ['POST', `/api/reviews/${USER}/generate`, { label: '' }, 'body.label'],
  ['GET', `/api/reviews/${USER}/report?format=pdf`, undefined, 'querystring.format'],
]

describe('input validation', () => {
  it.each(BAD_INPUT)('%s %s answers 400 naming %s', async (method, url, payload, path) => {
    const res = await expectNoChange(t.db, () =>
      t.app.inject({
        method,
        url,
        headers: { cookie },
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
    )
    expect(res.statusCode).toBe(400)
    const body = expectErrorBody(res, 'validation_failed')
    expect(body.error.details).toEqual({ issues: [expect.objectContaining({ path, message: expect.any(String) })] })
  })

  it('covers every documented route that takes input', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const withInput = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
      ([url, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.requestBody || (Array.isArray(op.parameters) && op.parameters.length > 0))
          .map(([method]) => `${method.toUpperCase()} ${url.replace(/\{(\w+)\}/g, ':$1')}`),
    )
    const covered = new Set(
      BAD_INPUT.map(([method, url]) => {
        const route = t.app.routeList.find(
          (r) => r.method === method && new RegExp(`^${r.url.replace(/:\w+/g, '[^/?]+')}(\\?|$)`).test(url),
        )
        return route ? `${route.method} ${route.url}` : `${method} ${url}`
      }),
    )
    for (const route of withInput) expect(covered, route).toContain(route)
  })

  it('names every bad field at once', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie },
      payload: { email: 'x', role: 'x', countryCode: 'x' },
    })
    const paths = expectErrorBody(res, 'validation_failed').error.details as { issues: { path: string }[] }
    expect(paths.issues.map((i) => i.path).sort()).toEqual(['body.countryCode', 'body.email', 'body.role'])
  })
})

describe('request bodies', () => {
  const post = (headers: Record<string, string>, payload: string) =>
    t.app.inject({ method: 'POST', url: '/api/organisations', headers: { cookie, ...headers }, payload })

  it('refuses malformed JSON with 400', async () => {
    const res = await expectNoChange(t.db, () => post({ 'content-type': 'application/json' }, '{"name": "x",'))
    expect(res.statusCode).toBe(400)
    expect(expectErrorBody(res, 'validation_failed').error.message).toBe('Malformed JSON body')
  })

  it('refuses a content type it does not read with 400', async () => {
    const res = await expectNoChange(t.db, () => post({ 'content-type': 'application/xml' }, '<organisation/>'))
    expect(res.statusCode).toBe(400)
    expect(expectErrorBody(res, 'validation_failed').error.details).toEqual({
      issues: [expect.objectContaining({ path: 'headers.content-type' })],
    })
  })

  it('refuses plain text where JSON is expected with 400', async () => {
    const res = await post({ 'content-type': 'text/plain' }, 'name=x')
    expect(res.statusCode).toBe(400)
    expectErrorBody(res, 'validation_failed')
  })

  it('refuses a body over the limit with 413', async () => {
    const name = 'x'.repeat(t.config.bodyLimitBytes + 10)
    const res = await expectNoChange(t.db, () =>
      post({ 'content-type': 'application/json' }, JSON.stringify({ name, type: 'ngo', countryCode: 'RS' })),
    )
    expect(res.statusCode).toBe(413)
    expectErrorBody(res, 'payload_too_large')
  })
})

describe('unknown routes', () => {
  it('answer 401 to anonymous requests, revealing nothing about which routes exist', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' })
    expect(res.statusCode).toBe(401)
    expectErrorBody(res, 'unauthenticated')
  })

  it('answer a JSON 404 when signed in', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/api/no-such-thing', headers: { cookie } })
      expect(res.statusCode).toBe(404)
      expectErrorBody(res, 'not_found')
    }
  })

  it('outside /api, a page path without a web build says so in plain text', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/some/page' })
    expect(res.statusCode).toBe(503)
    expect(res.headers['content-type']).toContain('text/plain')
  })
})

describe('internal errors', () => {
  let broken: TestApp
  beforeAll(async () => {
    broken = await createTestApp()
  })
  afterAll(() => broken.close())

  it('answer 500 with the request id and nothing about the cause', async () => {
    const admin = await asUser(broken.app, 'admin')
    await sql`alter table countries rename to countries_gone`.execute(broken.db)
    const res = await broken.app.inject({ method: 'GET', url: '/api/countries', headers: { cookie: admin.cookie } })
    expect(res.statusCode).toBe(500)
    const body = expectErrorBody(res, 'internal')
    expect(body.error.message).toContain('request id')
    expect(res.body).not.toContain('countries')
  })
})
