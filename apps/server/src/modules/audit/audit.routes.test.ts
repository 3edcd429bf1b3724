import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../../../test/db-state.ts'
import { asUser } from '../../../test/factories.ts'
import { client } from '../../../test/http.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'

let t: TestApp
type SignedIn = Awaited<ReturnType<typeof asUser>>
let admin: SignedIn
let leadRs: SignedIn
let rsOrgId: string
let alOrgId: string

interface Event {
  id: string
  action: string
  countryCode: string | null
  subjectId: string
  actor: { id: string } | null
}
const audit = async (cookie: string, query = '') => {
  const res = await client(t.app, cookie).get(`/api/audit${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { data: Event[]; nextCursor: string | null }
}

beforeAll(async () => {
  t = await createTestApp()
  admin = await asUser(t.app, 'admin')
  leadRs = await asUser(t.app, 'country_lead', 'RS')
  const as = client(t.app, admin.cookie)
  rsOrgId = (await as.post('/api/organisations', { name: 'RS Org', type: 'ngo', countryCode: 'RS' })).json().data.id
  alOrgId = (await as.post('/api/organisations', { name: 'AL Org', type: 'ngo', countryCode: 'AL' })).json().data.id
  await client(t.app, leadRs.cookie).patch(`/api/organisations/${rsOrgId}`, { version: 1, name: 'RS Org Renamed' })
})
afterAll(() => t.close())

describe('GET /api/audit', () => {
  it('shows an admin every event, newest first, with who did it', async () => {
    const page = await audit(admin.cookie, '?limit=200')
    const actions = page.data.map((e) => e.action)
    expect(actions.slice(0, 3)).toEqual(['organisation.updated', 'organisation.created', 'organisation.created'])
    // Sign-ins belong to no country; the seeded countries were created by the system (no actor).
    expect(actions).toContain('user.signedIn')
    expect(page.data.filter((e) => e.action === 'country.created')).toHaveLength(6)
    expect(page.data.find((e) => e.action === 'country.created')?.actor).toBeNull()
    expect(page.data[0]).toMatchObject({
      action: 'organisation.updated',
      subjectType: 'organisation',
      subjectId: rsOrgId,
      countryCode: 'RS',
      actor: { id: leadRs.id, email: leadRs.email, name: leadRs.name },
      summary: { before: { name: 'RS Org' }, after: { name: 'RS Org Renamed' } },
      requestId: expect.any(String),
    })
  })

  it('shows a country lead only the events of their country', async () => {
    const page = await audit(leadRs.cookie, '?limit=200')
    expect(page.data.length).toBeGreaterThan(0)
    expect(new Set(page.data.map((e) => e.countryCode))).toEqual(new Set(['RS']))
    expect(page.data.map((e) => e.subjectId)).not.toContain(alOrgId)
    const other = await client(t.app, leadRs.cookie).get('/api/audit?country=AL')
    expect(other.statusCode).toBe(404)
  })

  it('shows a regional coordinator everything', async () => {
    const coordinator = await asUser(t.app, 'regional_coordinator')
    const page = await audit(coordinator.cookie, '?country=AL')
    expect(page.data.map((e) => e.subjectId)).toContain(alOrgId)
  })

  it.each([
    ['expert', 'RS'],
    ['data_provider', 'RS'],
    ['observer', null],
  ] as const)('refuses a %s (403)', async (role, country) => {
    const user = await asUser(t.app, role, country)
    expect((await client(t.app, user.cookie).get('/api/audit')).statusCode).toBe(403)
  })

  it('filters by actor, action, subject and country', async () => {
    const byLead = await audit(admin.cookie, `?userId=${leadRs.id}`)
    expect(byLead.data.length).toBeGreaterThan(0)
    expect(byLead.data.every((e) => e.actor?.id === leadRs.id)).toBe(true)
    const created = await audit(admin.cookie, '?action=organisation.created')
    expect(created.data.map((e) => e.subjectId).sort()).toEqual([rsOrgId, alOrgId].sort())
    const subject = await audit(admin.cookie, `?subjectType=organisation&subjectId=${alOrgId}`)
    expect(subject.data.map((e) => e.action)).toEqual(['organisation.created'])
    const al = await audit(admin.cookie, '?country=AL')
    expect(al.data.every((e) => e.countryCode === 'AL')).toBe(true)
    expect(al.data.length).toBe(2)
  })

  it('filters by day, both ends included', async () => {
    const all = (await audit(admin.cookie, '?limit=200')).data as (Event & { at: string })[]
    const first = all.at(-1)?.at.slice(0, 10) as string
    const last = all[0]?.at.slice(0, 10) as string
    const shift = (day: string, days: number) =>
      new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10)
    expect((await audit(admin.cookie, `?from=${first}&to=${last}&limit=200`)).data).toHaveLength(all.length)
    expect((await audit(admin.cookie, `?from=${shift(last, 1)}`)).data).toEqual([])
    expect((await audit(admin.cookie, `?to=${shift(first, -1)}`)).data).toEqual([])
  })

  it('pages with a cursor, without gaps or repeats', async () => {
    const everything = (await audit(admin.cookie, '?limit=200')).data.map((e) => e.id)
    expect(everything.length).toBeGreaterThan(7)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { data: Event[]; nextCursor: string | null } = await audit(
        admin.cookie,
        `?limit=3${cursor ? `&before=${cursor}` : ''}`,
      )
      expect(page.data.length).toBeLessThanOrEqual(3)
      seen.push(...page.data.map((e) => e.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(everything)
  })

  it('refuses bad filters with field paths', async () => {
    const res = await client(t.app, admin.cookie).get('/api/audit?userId=me&from=yesterday&limit=1000&country=r')
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(
      expect.arrayContaining(['querystring.userId', 'querystring.from', 'querystring.limit', 'querystring.country']),
    )
  })
})

describe('the audit table', () => {
  it('rejects UPDATE and DELETE in the database itself', async () => {
    const before = await countRows(t.db)
    await expect(sql`update audit_events set action = 'tampered'`.execute(t.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_events`.execute(t.db)).rejects.toThrow(/append-only/)
    expect(await countRows(t.db)).toEqual(before)
    const tampered = await t.db.selectFrom('auditEvents').select('id').where('action', '=', 'tampered').execute()
    expect(tampered).toEqual([])
  })
})
