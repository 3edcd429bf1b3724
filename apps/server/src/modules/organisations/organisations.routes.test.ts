import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser, type BuiltOrganisation, buildOrganisation } from '../../../test/factories.ts'
import { client } from '../../../test/http.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'

let t: TestApp
type SignedIn = Awaited<ReturnType<typeof asUser>>
let admin: SignedIn
let leadRs: SignedIn
let expertRs: SignedIn
let orgRs: BuiltOrganisation
let orgAl: BuiltOrganisation
beforeAll(async () => {
  t = await createTestApp()
  admin = await asUser(t.app, 'admin')
  leadRs = await asUser(t.app, 'country_lead', 'RS')
  expertRs = await asUser(t.app, 'expert', 'RS')
  orgRs = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Belgrade Centre', type: 'government' })
  orgAl = await buildOrganisation(t.db, { countryCode: 'AL', name: 'Tirana Centre' })
})
afterAll(() => t.close())

const idsOf = (res: { json(): { data: { id: string }[] } }) => res.json().data.map((o) => o.id)

describe('GET /api/organisations', () => {
  it('lists organisations of the countries the actor sees', async () => {
    const all = idsOf(await client(t.app, admin.cookie).get('/api/organisations'))
    expect(all).toEqual(expect.arrayContaining([orgRs.id, orgAl.id]))
    const rs = await client(t.app, expertRs.cookie).get('/api/organisations')
    expect(idsOf(rs)).toContain(orgRs.id)
    expect(idsOf(rs)).not.toContain(orgAl.id)
    expect(rs.json().data.find((o: { id: string }) => o.id === orgRs.id)).toEqual({
      id: orgRs.id,
      name: 'Belgrade Centre',
      type: 'government',
      countryCode: 'RS',
      active: true,
      version: 1,
      abilities: [],
    })
  })

  it('answers 404 when a lead asks for another country', async () => {
    const res = await client(t.app, leadRs.cookie).get('/api/organisations?country=AL')
    expect(res.statusCode).toBe(404)
    expect(idsOf(await client(t.app, admin.cookie).get('/api/organisations?country=AL'))).toEqual([orgAl.id])
  })

  it('filters by type and hides inactive ones unless asked', async () => {
    const inactive = await buildOrganisation(t.db, { countryCode: 'RS', active: false })
    const as = client(t.app, leadRs.cookie)
    expect(idsOf(await as.get('/api/organisations?type=government'))).toEqual([orgRs.id])
    expect(idsOf(await as.get('/api/organisations'))).not.toContain(inactive.id)
    expect(idsOf(await as.get('/api/organisations?includeInactive=true'))).toContain(inactive.id)
  })

  it('refuses bad filters with field paths', async () => {
    const res = await client(t.app, admin.cookie).get('/api/organisations?country=x&type=club&includeInactive=yes')
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(
      expect.arrayContaining(['querystring.country', 'querystring.type', 'querystring.includeInactive']),
    )
  })
})

describe('GET /api/organisations/:id', () => {
  it('shows an organisation of a visible country and hides the others (404)', async () => {
    const as = client(t.app, leadRs.cookie)
    expect((await as.get(`/api/organisations/${orgRs.id}`)).json().data.abilities).toEqual(['organisation.update'])
    expect((await as.get(`/api/organisations/${orgAl.id}`)).statusCode).toBe(404)
  })
})

describe('POST /api/organisations', () => {
  it('a lead adds one to their country, recorded in the audit log', async () => {
    const seq = await lastAuditSeq(t.db)
    const body = { name: '  Novi Sad Shelter ', type: 'ngo', countryCode: 'RS' }
    const res = await client(t.app, leadRs.cookie).post('/api/organisations', body)
    expect(res.statusCode).toBe(201)
    const created = res.json().data
    expect(created).toMatchObject({
      name: 'Novi Sad Shelter',
      type: 'ngo',
      countryCode: 'RS',
      active: true,
      version: 1,
    })
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({
        action: 'organisation.created',
        actorId: leadRs.id,
        subjectType: 'organisation',
        subjectId: created.id,
        countryCode: 'RS',
      }),
    ])
  })

  it('a lead may not add one elsewhere; other roles may not add any (403)', async () => {
    const elsewhere = await expectNoChange(t.db, () =>
      client(t.app, leadRs.cookie).post('/api/organisations', { name: 'Elsewhere', type: 'ngo', countryCode: 'AL' }),
    )
    expect(elsewhere.statusCode).toBe(403)
    const expert = await expectNoChange(t.db, () =>
      client(t.app, expertRs.cookie).post('/api/organisations', { name: 'Mine', type: 'ngo', countryCode: 'RS' }),
    )
    expect(expert.statusCode).toBe(403)
  })

  it('refuses a name used in the same country, whatever the case (409); other countries may reuse it', async () => {
    const as = client(t.app, admin.cookie)
    const dup = await expectNoChange(t.db, () =>
      as.post('/api/organisations', { name: 'BELGRADE centre', type: 'ngo', countryCode: 'RS' }),
    )
    expect(dup.statusCode).toBe(409)
    expect(dup.json().error).toMatchObject({
      code: 'conflict',
      details: { issues: [expect.objectContaining({ path: 'body.name' })] },
    })
    const other = await as.post('/api/organisations', { name: 'Belgrade Centre', type: 'ngo', countryCode: 'ME' })
    expect(other.statusCode).toBe(201)
  })

  it.each([
    [{ name: '', type: 'ngo', countryCode: 'RS' }, 'body.name'],
    [{ name: 'Club', type: 'club', countryCode: 'RS' }, 'body.type'],
    [{ name: 'Nowhere', type: 'ngo', countryCode: 'ZZ' }, 'body.countryCode'],
    [{ name: 'Nowhere', type: 'ngo' }, 'body.countryCode'],
  ])('refuses %o at %s', async (body, path) => {
    const res = await expectNoChange(t.db, () => client(t.app, admin.cookie).post('/api/organisations', body))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path })]))
  })
})

describe('PATCH /api/organisations/:id', () => {
  it('a lead renames and deactivates one of their country, version by version', async () => {
    const org = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Old Office' })
    const as = client(t.app, leadRs.cookie)
    const seq = await lastAuditSeq(t.db)
    const renamed = await as.patch(`/api/organisations/${org.id}`, { version: 1, name: 'New Office', type: 'other' })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json().data).toMatchObject({ name: 'New Office', type: 'other', version: 2 })
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({
        action: 'organisation.updated',
        actorId: leadRs.id,
        subjectId: org.id,
        countryCode: 'RS',
        summary: {
          before: { name: 'Old Office', type: 'ngo', active: true },
          after: { name: 'New Office', type: 'other', active: true },
        },
      }),
    ])
    const stale = await expectNoChange(t.db, () =>
      as.patch(`/api/organisations/${org.id}`, { version: 1, active: false }),
    )
    expect(stale.statusCode).toBe(409)
    const deactivated = await as.patch(`/api/organisations/${org.id}`, { version: 2, active: false })
    expect(deactivated.json().data).toMatchObject({ active: false, version: 3 })
  })

  it('may change only the case of its own name', async () => {
    const org = await buildOrganisation(t.db, { countryCode: 'RS', name: 'case office' })
    const res = await client(t.app, leadRs.cookie).patch(`/api/organisations/${org.id}`, {
      version: 1,
      name: 'Case Office',
    })
    expect(res.statusCode).toBe(200)
  })

  it('refuses a name another organisation of the country uses (409)', async () => {
    const org = await buildOrganisation(t.db, { countryCode: 'RS' })
    const res = await expectNoChange(t.db, () =>
      client(t.app, leadRs.cookie).patch(`/api/organisations/${org.id}`, { version: 1, name: orgRs.name }),
    )
    expect(res.statusCode).toBe(409)
  })

  it('403 for who sees it but may not keep it; 404 for who cannot see it', async () => {
    const byExpert = await expectNoChange(t.db, () =>
      client(t.app, expertRs.cookie).patch(`/api/organisations/${orgRs.id}`, { version: 1, name: 'Mine' }),
    )
    expect(byExpert.statusCode).toBe(403)
    const byLead = await expectNoChange(t.db, () =>
      client(t.app, leadRs.cookie).patch(`/api/organisations/${orgAl.id}`, { version: 1, name: 'Mine' }),
    )
    expect(byLead.statusCode).toBe(404)
  })

  it('refuses a body without a version', async () => {
    const res = await client(t.app, admin.cookie).patch(`/api/organisations/${orgRs.id}`, { name: 'No Version' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.version' })])
  })
})
