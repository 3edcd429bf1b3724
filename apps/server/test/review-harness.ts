import type { DecisionsOverview, MyResponses, ReviewDetail } from '@thbm/shared'
import { afterAll, beforeAll, expect } from 'vitest'
import { withTransaction } from '../src/db/transaction.ts'
import { importFrameworkDoc } from '../src/modules/frameworks/import-framework.ts'
import { publishVersion } from '../src/modules/frameworks/publish-version.ts'
import { asUser } from './factories.ts'
import { frameworkDoc } from './framework-fixture.ts'
import { createTestApp, type TestApp } from './test-app.ts'

/**
 * The indicator review tests' app and people, set up by `useReviewApp()` in each test file (the bindings below are
 * filled in before its tests run), and the steps of a review as requests.
 */

export type Who = Awaited<ReturnType<typeof asUser>>
export let t: TestApp
export let coordinator: Who
/** An RS participant who stays a pseudonym, an AL participant who agrees to be named, and an RS expert outside. */
export let ana: Who
export let bojan: Who
export let outsider: Who
let seq = 0

/** A test app with a regional coordinator and three experts, for the tests of the calling file. */
export function useReviewApp(): void {
  beforeAll(async () => {
    t = await createTestApp()
    coordinator = await asUser(t.app, 'regional_coordinator')
    ana = await asUser(t.app, 'expert', 'RS', { name: 'Ana Anonymous' })
    bojan = await asUser(t.app, 'expert', 'AL', { name: 'Bojan Named' })
    outsider = await asUser(t.app, 'expert', 'RS', { name: 'Olga Outsider' })
  })
  afterAll(() => t.close())
}

export function send(who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: who.cookie } })
}

/** A published version of a new five-indicator framework (IDN-1 core; IDN-2, IDN-3, AST-1, AST-2). */
export async function publishedVersion(): Promise<string> {
  const doc = frameworkDoc({ framework: { code: `RV${++seq}`, name: { en: 'Review test' }, baseLocale: 'en' } })
  return withTransaction(t.db, async (trx) => {
    const ctx = { actor: null, requestId: null }
    const id = await importFrameworkDoc(trx, ctx, doc)
    await publishVersion(trx, ctx, id, 1)
    return id
  })
}

export const base = (id: string, rest = '') => `/api/reviews/${id}${rest}`

/** A review with Ana (RS) and Bojan (AL) invited; opened at round 1 when asked. */
export async function review(options: { open?: boolean; criteria?: string[] } = {}): Promise<ReviewDetail> {
  const created = await send(coordinator, 'POST', '/api/reviews', {
    frameworkVersionId: await publishedVersion(),
    title: `Review ${++seq}`,
    ...(options.criteria ? { criteria: options.criteria } : {}),
    schedule: ['2026-03-01', '2026-04-01'],
  })
  expect(created.statusCode, created.body).toBe(201)
  const id = (created.json().data as ReviewDetail).id
  for (const [who, country, role] of [
    [ana, 'RS', 'institution_expert'],
    [bojan, 'AL', 'ngo_expert'],
  ] as const) {
    const res = await send(coordinator, 'POST', base(id, '/participants'), {
      userId: who.id,
      countryCode: country,
      role,
    })
    expect(res.statusCode, res.body).toBe(201)
  }
  let detail = (await send(coordinator, 'GET', base(id))).json().data as ReviewDetail
  if (options.open) {
    const res = await send(coordinator, 'POST', base(id, '/open-round'), { version: detail.version })
    expect(res.statusCode, res.body).toBe(200)
    detail = res.json().data
  }
  return detail
}

export async function rate(who: Who, id: string, code: string, body: object, version = 0) {
  const res = await send(who, 'PUT', base(id, `/my-responses/${code}`), { version, ...body })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as MyResponses['indicators'][number]
}

export async function step(id: string, action: 'open-round' | 'close-round' | 'close') {
  const { version } = (await send(coordinator, 'GET', base(id))).json().data as ReviewDetail
  const res = await send(coordinator, 'POST', base(id, `/${action}`), { version })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as ReviewDetail
}

export async function decide(id: string, code: string, body: object) {
  const overview = (await send(coordinator, 'GET', base(id, '/decisions'))).json().data as DecisionsOverview
  const version = overview.decisions.find((d) => d.code === code)?.version ?? 0
  return send(coordinator, 'PUT', base(id, `/decisions/${code}`), { version, ...body })
}
