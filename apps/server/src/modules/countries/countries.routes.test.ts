import { SEED_COUNTRY_CODES } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser } from '../../../test/factories.ts'
import { client } from '../../../test/http.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'

let t: TestApp
type SignedIn = Awaited<ReturnType<typeof asUser>>
let admin: SignedIn
let leadRs: SignedIn
beforeAll(async () => {
  t = await createTestApp()
  admin = await asUser(t.app, 'admin')
  leadRs = await asUser(t.app, 'country_lead', 'RS')
})
afterAll(() => t.close())

const codesOf = (res: { json(): { data: { code: string }[] } }) => res.json().data.map((c) => c.code)

describe('GET /api/countries', () => {
  it('lists the seeded countries in their order, with names in every UI language', async () => {
    const res = await client(t.app, admin.cookie).get('/api/countries')
    expect(res.statusCode).toBe(200)
    expect(codesOf(res)).toEqual([...SEED_COUNTRY_CODES])
    const serbia = res.json().data.find((c: { code: string }) => c.code === 'RS')
    expect(serbia).toEqual({
      code: 'RS',
      names: { en: 'Serbia', 'sr-Cyrl': 'Србија', 'sr-Latn': 'Srbija' },
      version: 1,
      abilities: ['country.update'],
    })
  })

  it('shows people with a country role only their countries; region-wide roles see all', async () => {
    const lead = await client(t.app, leadRs.cookie).get('/api/countries')
    expect(lead.json().data).toEqual([expect.objectContaining({ code: 'RS', abilities: [] })])
    const observer = await asUser(t.app, 'observer', null)
    expect(codesOf(await client(t.app, observer.cookie).get('/api/countries'))).toHaveLength(SEED_COUNTRY_CODES.length)
    const nobody = await asUser(t.app, null)
    expect(codesOf(await client(t.app, nobody.cookie).get('/api/countries'))).toEqual([])
  })
})

describe('GET /api/countries/:code', () => {
  it('answers 404 for a country the actor cannot see, as for an unknown one', async () => {
    const as = client(t.app, leadRs.cookie)
    expect((await as.get('/api/countries/RS')).statusCode).toBe(200)
    const hidden = await as.get('/api/countries/AL')
    expect(hidden.statusCode).toBe(404)
    const unknown = await client(t.app, admin.cookie).get('/api/countries/ZZ')
    expect(unknown.statusCode).toBe(404)
    expect({ ...hidden.json(), requestId: null }).toEqual({ ...unknown.json(), requestId: null })
  })

  it('refuses a malformed code with the parameter path', async () => {
    const res = await client(t.app, admin.cookie).get('/api/countries/serbia')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'params.code' })])
  })
})

describe('PATCH /api/countries/:code', () => {
  it('an admin renames a country; the change is versioned and recorded', async () => {
    const names = { en: 'Republic of Albania', 'sr-Cyrl': 'Република Албанија', 'sr-Latn': 'Republika Albanija' }
    const seq = await lastAuditSeq(t.db)
    const res = await client(t.app, admin.cookie).patch('/api/countries/AL', { version: 1, names })
    expect(res.statusCode).toBe(200)
    expect(res.json().data).toMatchObject({ code: 'AL', names, version: 2 })
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({
        action: 'country.updated',
        actorId: admin.id,
        subjectType: 'country',
        subjectId: 'AL',
        countryCode: 'AL',
        summary: { before: { names: expect.objectContaining({ en: 'Albania' }) }, after: { names } },
      }),
    ])
    const stale = await expectNoChange(t.db, () =>
      client(t.app, admin.cookie).patch('/api/countries/AL', { version: 1, names: { en: 'Albania' } }),
    )
    expect(stale.statusCode).toBe(409)
  })

  it('a country lead may not rename even their own country (403); others look missing (404)', async () => {
    const as = client(t.app, leadRs.cookie)
    const own = await expectNoChange(t.db, () => as.patch('/api/countries/RS', { version: 1, names: { en: 'X' } }))
    expect(own.statusCode).toBe(403)
    const other = await expectNoChange(t.db, () => as.patch('/api/countries/ME', { version: 1, names: { en: 'X' } }))
    expect(other.statusCode).toBe(404)
  })

  it('requires the English name', async () => {
    const res = await expectNoChange(t.db, () =>
      client(t.app, admin.cookie).patch('/api/countries/ME', { version: 1, names: { 'sr-Cyrl': 'Црна Гора' } }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.names.en' })])
  })
})
