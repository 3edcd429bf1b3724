import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { addMembership, asUser, type BuiltUser, buildOrganisation, buildUser, login } from '../../../test/factories.ts'
import { client } from '../../../test/http.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'

let t: TestApp
type SignedIn = Awaited<ReturnType<typeof asUser>>
let admin: SignedIn
let coordinator: SignedIn
let leadRs: SignedIn
let expertRs: BuiltUser
let expertAl: BuiltUser
let expertRsAl: BuiltUser
let noRoles: BuiltUser

beforeAll(async () => {
  t = await createTestApp()
  admin = await asUser(t.app, 'admin')
  coordinator = await asUser(t.app, 'regional_coordinator')
  leadRs = await asUser(t.app, 'country_lead', 'RS')
  expertRs = await buildUser(t.db, { role: 'expert', countryCode: 'RS', name: 'Zora Serbia' })
  expertAl = await buildUser(t.db, { role: 'expert', countryCode: 'AL', name: 'Besa Albania' })
  expertRsAl = await buildUser(t.db, { role: 'expert', countryCode: 'RS', name: 'Dual Country' })
  await addMembership(t.db, expertRsAl.id, { role: 'expert', countryCode: 'AL' })
  noRoles = await buildUser(t.db, { role: null, name: 'Nobody Yet' })
})
afterAll(() => t.close())

const idsOf = (res: { json(): { data: { id: string }[] } }) => res.json().data.map((u) => u.id)
const fresh = async (id: string) => (await client(t.app, admin.cookie).get(`/api/users/${id}`)).json().data

describe('GET /api/users', () => {
  it.each(['admin', 'coordinator'] as const)('lists everyone to the %s', async (who) => {
    const res = await client(t.app, { admin, coordinator }[who].cookie).get('/api/users')
    expect(res.statusCode).toBe(200)
    expect(idsOf(res)).toEqual(expect.arrayContaining([expertRs.id, expertAl.id, expertRsAl.id, noRoles.id, admin.id]))
  })

  it('lists to a country lead only the people with a membership in their country', async () => {
    const ids = idsOf(await client(t.app, leadRs.cookie).get('/api/users'))
    expect(ids).toEqual(expect.arrayContaining([leadRs.id, expertRs.id, expertRsAl.id]))
    for (const hidden of [expertAl.id, noRoles.id, admin.id, coordinator.id]) expect(ids).not.toContain(hidden)
  })

  it.each([
    ['expert', 'RS'],
    ['data_provider', 'RS'],
    ['observer', 'RS'],
    ['observer', null],
    [null, null],
  ] as const)('refuses a %s (%s) with 403', async (role, country) => {
    const user = await asUser(t.app, role, country)
    expect((await client(t.app, user.cookie).get('/api/users')).statusCode).toBe(403)
  })

  it('filters by country, role and text', async () => {
    const as = client(t.app, admin.cookie)
    const al = idsOf(await as.get('/api/users?country=AL'))
    expect(al).toEqual(expect.arrayContaining([expertAl.id, expertRsAl.id]))
    expect(al).not.toContain(expertRs.id)
    const leads = idsOf(await as.get('/api/users?role=country_lead'))
    expect(leads).toContain(leadRs.id)
    expect(leads).not.toContain(expertRs.id)
    expect(idsOf(await as.get('/api/users?q=zora%20SER'))).toEqual([expertRs.id])
    expect(idsOf(await as.get('/api/users?q=%25'))).toEqual(expect.arrayContaining([expertRs.id, expertAl.id]))
  })

  it('a lead filtering by another country gets 404, as for its other pages', async () => {
    const res = await client(t.app, leadRs.cookie).get('/api/users?country=AL')
    expect(res.statusCode).toBe(404)
  })

  it('shows an allow-list of fields: never the password hash', async () => {
    const res = await client(t.app, admin.cookie).get('/api/users')
    const user = res.json().data.find((u: { id: string }) => u.id === expertRs.id)
    expect(Object.keys(user).sort()).toEqual([
      'abilities',
      'active',
      'createdAt',
      'email',
      'id',
      'lastLoginAt',
      'locale',
      'memberships',
      'name',
      'version',
    ])
    expect(res.body).not.toContain('argon2')
    expect(user.abilities).toEqual(['user.update', 'user.resetPassword'])
  })

  it('refuses bad filters with field paths', async () => {
    const res = await client(t.app, admin.cookie).get('/api/users?country=serbia&role=boss')
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['querystring.country', 'querystring.role']))
  })
})

describe('GET /api/users/:id', () => {
  it('shows a lead the people of their country and hides the others (404)', async () => {
    const as = client(t.app, leadRs.cookie)
    expect((await as.get(`/api/users/${expertRs.id}`)).statusCode).toBe(200)
    expect((await as.get(`/api/users/${expertRsAl.id}`)).json().data.abilities).toEqual([])
    const hidden = await as.get(`/api/users/${expertAl.id}`)
    expect(hidden.statusCode).toBe(404)
    expect(hidden.json().error.code).toBe('not_found')
  })

  it('lets anyone read themselves, and nobody else', async () => {
    const expert = await asUser(t.app, 'expert', 'RS')
    const as = client(t.app, expert.cookie)
    expect((await as.get(`/api/users/${expert.id}`)).json().data).toMatchObject({ id: expert.id, abilities: [] })
    expect((await as.get(`/api/users/${expertRs.id}`)).statusCode).toBe(404)
  })

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const as = client(t.app, admin.cookie)
    expect((await as.get('/api/users/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404)
    const bad = await as.get('/api/users/42')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.issues).toEqual([expect.objectContaining({ path: 'params.id' })])
  })
})

describe('PATCH /api/users/:id', () => {
  it('renames a user, bumps the version and records it with the user’s country', async () => {
    const user = await buildUser(t.db, { role: 'expert', countryCode: 'RS', name: 'Before Rename' })
    const seq = await lastAuditSeq(t.db)
    const res = await client(t.app, leadRs.cookie).patch(`/api/users/${user.id}`, { version: 1, name: 'After Rename' })
    expect(res.statusCode).toBe(200)
    expect(res.json().data).toMatchObject({ name: 'After Rename', version: 2, active: true })
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({
        action: 'user.updated',
        actorId: leadRs.id,
        subjectId: user.id,
        countryCode: 'RS',
        summary: { before: { name: 'Before Rename', active: true }, after: { name: 'After Rename', active: true } },
      }),
    ])
  })

  it('deactivating a user ends their sessions and blocks sign-in; reactivating lets them back', async () => {
    const user = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const session = await login(t.app, user.email)
    const as = client(t.app, admin.cookie)
    expect((await as.patch(`/api/users/${user.id}`, { version: 1, active: false })).json().data.active).toBe(false)
    expect((await client(t.app, session).get('/api/auth/me')).statusCode).toBe(401)
    expect(await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute()).toEqual([])
    await expect(login(t.app, user.email)).rejects.toThrow(/401/)
    expect((await as.patch(`/api/users/${user.id}`, { version: 2, active: true })).statusCode).toBe(200)
    await expect(login(t.app, user.email)).resolves.toContain('thbm_session=')
  })

  it('refuses a stale version with 409 and changes nothing', async () => {
    const user = await buildUser(t.db, { role: 'expert', countryCode: 'RS', name: 'Version One' })
    const as = client(t.app, admin.cookie)
    await as.patch(`/api/users/${user.id}`, { version: 1, name: 'Version Two' })
    const res = await expectNoChange(t.db, () => as.patch(`/api/users/${user.id}`, { version: 1, name: 'Lost Update' }))
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { expectedVersion: 1, currentVersion: 2 } })
    expect((await fresh(user.id)).name).toBe('Version Two')
  })

  it('hides users of other countries from a lead (404) and forbids managing mixed ones or themselves (403)', async () => {
    const as = client(t.app, leadRs.cookie)
    const hidden = await expectNoChange(t.db, () => as.patch(`/api/users/${expertAl.id}`, { version: 1, name: 'X' }))
    expect(hidden.statusCode).toBe(404)
    const mixed = await expectNoChange(t.db, () => as.patch(`/api/users/${expertRsAl.id}`, { version: 1, name: 'X' }))
    expect(mixed.statusCode).toBe(403)
    const self = await expectNoChange(t.db, () => as.patch(`/api/users/${leadRs.id}`, { version: 1, active: false }))
    expect(self.statusCode).toBe(403)
  })

  it('refuses a body without a version or with an empty name', async () => {
    const res = await client(t.app, admin.cookie).patch(`/api/users/${expertRs.id}`, { name: '' })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['body.version', 'body.name']))
  })
})

describe('memberships', () => {
  const add = (cookie: string, userId: string, body: Record<string, unknown>) =>
    client(t.app, cookie).post(`/api/users/${userId}/memberships`, body)
  const remove = (cookie: string, userId: string, membershipId: string) =>
    client(t.app, cookie).delete(`/api/users/${userId}/memberships/${membershipId}`)

  it('an admin adds a role; the user gets it on the next request', async () => {
    const user = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const seq = await lastAuditSeq(t.db)
    const res = await add(admin.cookie, user.id, { role: 'observer', countryCode: null })
    expect(res.statusCode).toBe(201)
    expect(res.json().data.memberships).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'observer', countryCode: null })]),
    )
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({
        action: 'membership.created',
        actorId: admin.id,
        subjectId: user.id,
        countryCode: null,
      }),
    ])
  })

  it('adding a role the user holds already changes nothing', async () => {
    const user = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const res = await expectNoChange(t.db, () => add(admin.cookie, user.id, { role: 'expert', countryCode: 'RS' }))
    expect(res.statusCode).toBe(201)
    expect(res.json().data.memberships).toHaveLength(1)
  })

  it('a lead adds a data provider role with an organisation of their country', async () => {
    const user = await buildUser(t.db, { role: 'observer', countryCode: 'RS' })
    const org = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Serbian Shelter' })
    const res = await add(leadRs.cookie, user.id, { role: 'data_provider', countryCode: 'RS', organisationId: org.id })
    expect(res.statusCode).toBe(201)
    expect(res.json().data.memberships).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'data_provider', organisationName: 'Serbian Shelter' })]),
    )
  })

  // ORG_AL and ORG_INACTIVE stand for organisations the test creates.
  it.each<[Record<string, unknown>, string]>([
    [{ role: 'country_lead', countryCode: null }, 'body.countryCode'],
    [{ role: 'regional_coordinator', countryCode: 'RS' }, 'body.countryCode'],
    [{ role: 'expert', countryCode: 'ZZ' }, 'body.countryCode'],
    [{ role: 'data_provider', countryCode: 'RS' }, 'body.organisationId'],
    [{ role: 'data_provider', countryCode: 'RS', organisationId: 'ORG_AL' }, 'body.organisationId'],
    [{ role: 'data_provider', countryCode: 'RS', organisationId: 'ORG_INACTIVE' }, 'body.organisationId'],
    [{ role: 'chief', countryCode: 'RS' }, 'body.role'],
    [{ role: 'expert' }, 'body.countryCode'],
  ])('refuses the invalid grant %o at %s, changing nothing', async (body, path) => {
    const orgAl = await buildOrganisation(t.db, { countryCode: 'AL' })
    const orgInactive = await buildOrganisation(t.db, { countryCode: 'RS', active: false })
    const organisationId = { ORG_AL: orgAl.id, ORG_INACTIVE: orgInactive.id }[String(body.organisationId)]
    const payload = { ...body, ...(organisationId ? { organisationId } : {}) }
    const res = await expectNoChange(t.db, () => add(admin.cookie, expertRs.id, payload))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path })]))
  })

  it('a lead may not grant outside their country or region-wide roles (403)', async () => {
    for (const body of [
      { role: 'expert', countryCode: 'AL' },
      { role: 'expert', countryCode: null },
      { role: 'admin', countryCode: null },
    ]) {
      const res = await expectNoChange(t.db, () => add(leadRs.cookie, expertRs.id, body))
      expect(res.statusCode, JSON.stringify(body)).toBe(403)
    }
  })

  it('a lead removes roles in their country only', async () => {
    const user = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const alMembership = await addMembership(t.db, user.id, { role: 'expert', countryCode: 'AL' })
    const forbidden = await expectNoChange(t.db, () => remove(leadRs.cookie, user.id, alMembership))
    expect(forbidden.statusCode).toBe(403)
    const seq = await lastAuditSeq(t.db)
    const res = await remove(leadRs.cookie, user.id, user.membershipId as string)
    expect(res.statusCode).toBe(200)
    expect(res.json().data.memberships).toEqual([expect.objectContaining({ id: alMembership, countryCode: 'AL' })])
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({
        action: 'membership.deleted',
        actorId: leadRs.id,
        subjectId: user.id,
        countryCode: 'RS',
      }),
    ])
  })

  it('answers 404 for a membership of another user', async () => {
    const res = await expectNoChange(t.db, () => remove(admin.cookie, expertRs.id, expertAl.membershipId as string))
    expect(res.statusCode).toBe(404)
  })
})

describe('the last administrator', () => {
  let solo: TestApp
  beforeEach(async () => {
    solo = await createTestApp()
  })
  afterEach(() => solo.close())
  const remove = (cookie: string, user: BuiltUser) =>
    client(solo.app, cookie).delete(`/api/users/${user.id}/memberships/${user.membershipId}`)

  it('cannot lose the admin role (409); with a second admin it can', async () => {
    const only = await asUser(solo.app, 'admin')
    const refused = await expectNoChange(solo.db, () => remove(only.cookie, only))
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('invalid_state')

    const second = await asUser(solo.app, 'admin')
    expect((await remove(second.cookie, only)).statusCode).toBe(200)
    expect((await expectNoChange(solo.db, () => remove(second.cookie, second))).statusCode).toBe(409)
  })

  it('a deactivated admin does not count, and may lose the role', async () => {
    const only = await asUser(solo.app, 'admin')
    const gone = await buildUser(solo.db, { role: 'admin', active: false })
    expect((await expectNoChange(solo.db, () => remove(only.cookie, only))).statusCode).toBe(409)
    expect((await remove(only.cookie, gone)).statusCode).toBe(200)
  })
})
