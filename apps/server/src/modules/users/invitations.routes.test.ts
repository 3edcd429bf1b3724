import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser, buildOrganisation, buildUser, login, TEST_PASSWORD } from '../../../test/factories.ts'
import { client } from '../../../test/http.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { SESSION_COOKIE } from '../auth/sessions.ts'
import { hashSecret } from '../auth/tokens.ts'

let t: TestApp
let admin: Awaited<ReturnType<typeof asUser>>
let leadRs: Awaited<ReturnType<typeof asUser>>
beforeAll(async () => {
  t = await createTestApp()
  admin = await asUser(t.app, 'admin')
  leadRs = await asUser(t.app, 'country_lead', 'RS')
})
afterAll(() => t.close())

const NEW_PASSWORD = 'Violet-Canyon-Ferry-31'
const tokenOf = (link: string) => new URL(link).searchParams.get('token') as string
let emails = 0
const newEmail = () => `invitee${++emails}@example.test`

async function invite(cookie: string, body: Record<string, unknown>) {
  const res = await client(t.app, cookie).post('/api/invitations', { organisationId: null, ...body })
  return { res, token: res.statusCode === 201 ? tokenOf(res.json().link) : '' }
}
const accept = (token: string, name: string, password: string) =>
  client(t.app).post('/api/auth/invitations/accept', { token, name, password })

describe('POST /api/invitations', () => {
  it('an admin invites for any role; the link shows what it grants, to anyone holding it', async () => {
    const email = newEmail()
    const seq = await lastAuditSeq(t.db)
    const { res, token } = await invite(admin.cookie, { email, role: 'regional_coordinator', countryCode: null })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ link: expect.stringMatching(/\/invitation\?token=/), expiresAt: expect.any(String) })
    const ttl = Date.parse(res.json().expiresAt) - Date.now()
    expect(ttl).toBeGreaterThan(t.config.invitationTtlMs - 60_000)
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({
        action: 'invitation.created',
        actorId: admin.id,
        subjectType: 'invitation',
        subjectId: hashSecret(token),
        countryCode: null,
      }),
    ])
    const info = await client(t.app).get(`/api/auth/invitations/${token}`)
    expect(info.statusCode).toBe(200)
    expect(info.json()).toEqual({
      email,
      name: null,
      role: 'regional_coordinator',
      countryCode: null,
      organisationName: null,
      expiresAt: res.json().expiresAt,
    })
  })

  it('a country lead invites lead-grantable roles in their own country', async () => {
    const org = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Lighthouse' })
    for (const body of [
      { role: 'expert', countryCode: 'RS' },
      { role: 'country_lead', countryCode: 'RS' },
      { role: 'observer', countryCode: 'RS' },
      { role: 'data_provider', countryCode: 'RS', organisationId: org.id },
    ]) {
      const { res } = await invite(leadRs.cookie, { email: newEmail(), ...body })
      expect(res.statusCode, JSON.stringify(body)).toBe(201)
    }
  })

  it.each([
    { role: 'expert', countryCode: 'AL' },
    { role: 'country_lead', countryCode: 'AL' },
    { role: 'expert', countryCode: null },
    { role: 'regional_coordinator', countryCode: null },
    { role: 'admin', countryCode: null },
  ])('a country lead may not invite $role in $countryCode (403, nothing stored)', async (body) => {
    const res = await expectNoChange(
      t.db,
      async () => (await invite(leadRs.cookie, { email: newEmail(), ...body })).res,
    )
    expect(res.statusCode).toBe(403)
  })

  it.each(['expert', 'data_provider', 'observer', 'regional_coordinator'] as const)(
    'a %s may not invite',
    async (role) => {
      const user = await asUser(t.app, role, role === 'regional_coordinator' ? null : 'RS')
      const { res } = await invite(user.cookie, { email: newEmail(), role: 'expert', countryCode: 'RS' })
      expect(res.statusCode).toBe(403)
    },
  )

  it.each([
    [{ role: 'country_lead', countryCode: null }, 'body.countryCode'],
    [{ role: 'admin', countryCode: 'RS' }, 'body.countryCode'],
    [{ role: 'expert', countryCode: 'ZZ' }, 'body.countryCode'],
    [{ role: 'data_provider', countryCode: 'RS' }, 'body.organisationId'],
    [
      { role: 'expert', countryCode: 'RS', organisationId: '01900000-0000-7000-8000-000000000000' },
      'body.organisationId',
    ],
    [{ role: 'observer', countryCode: 'RS', email: 'not-an-email' }, 'body.email'],
    [{ role: 'boss', countryCode: 'RS' }, 'body.role'],
    [{ role: 'expert', countryCode: 'rs' }, 'body.countryCode'],
  ])('refuses an invalid grant %o at %s', async (body, path) => {
    const res = await expectNoChange(t.db, async () => (await invite(admin.cookie, { email: newEmail(), ...body })).res)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path })]))
  })

  it('refuses an organisation from another country', async () => {
    const org = await buildOrganisation(t.db, { countryCode: 'AL' })
    const { res } = await invite(admin.cookie, {
      email: newEmail(),
      role: 'data_provider',
      countryCode: 'RS',
      organisationId: org.id,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.organisationId' })])
  })
})

describe('accepting an invitation', () => {
  it('creates the account and the membership and signs the person in', async () => {
    const org = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Harbour NGO' })
    const email = newEmail()
    const { token } = await invite(leadRs.cookie, {
      email,
      role: 'data_provider',
      countryCode: 'RS',
      organisationId: org.id,
    })
    const info = await client(t.app).get(`/api/auth/invitations/${token}`)
    expect(info.json()).toMatchObject({
      email,
      role: 'data_provider',
      countryCode: 'RS',
      organisationName: 'Harbour NGO',
    })

    const seq = await lastAuditSeq(t.db)
    const res = await accept(token, 'Nina Newcomer', NEW_PASSWORD)
    expect(res.statusCode).toBe(200)
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
    const me = res.json().data
    expect(me).toMatchObject({ email, name: 'Nina Newcomer' })
    expect(me.memberships).toEqual([
      expect.objectContaining({ role: 'data_provider', countryCode: 'RS', organisationId: org.id }),
    ])
    const rows = await auditRowsAfter(t.db, seq)
    expect(rows.map((r) => r.action)).toEqual(['user.created', 'invitation.accepted', 'membership.created'])
    expect(rows.every((r) => r.actorId === me.id && r.countryCode === 'RS')).toBe(true)

    expect((await login(t.app, email, NEW_PASSWORD)).length).toBeGreaterThan(0)
    expect((await client(t.app).get(`/api/auth/invitations/${token}`)).statusCode).toBe(404)
    expect((await accept(token, 'Nina Again', NEW_PASSWORD)).statusCode).toBe(404)
  })

  it('refuses a weak password and keeps the link usable', async () => {
    const email = newEmail()
    const { token } = await invite(admin.cookie, { email, role: 'observer', countryCode: null })
    for (const password of ['too-short-1', email, 'qwerty123456']) {
      const res = await expectNoChange(t.db, () => accept(token, 'Weak Password', password))
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.password' })])
    }
    expect((await accept(token, 'Strong Password', NEW_PASSWORD)).statusCode).toBe(200)
  })

  it('for an existing account, adds the role only with that account’s password', async () => {
    const existing = await buildUser(t.db, { role: 'expert', countryCode: 'RS', name: 'Old Name' })
    const { token } = await invite(admin.cookie, { email: existing.email, role: 'expert', countryCode: 'AL' })

    const wrong = await expectNoChange(t.db, () => accept(token, 'Somebody Else', NEW_PASSWORD), {
      except: ['login_failures'],
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.password' })])

    const seq = await lastAuditSeq(t.db)
    const res = await accept(token, 'Somebody Else', TEST_PASSWORD)
    expect(res.statusCode).toBe(200)
    expect(res.json().data).toMatchObject({ id: existing.id, name: 'Old Name' })
    expect(
      res
        .json()
        .data.memberships.map((m: { countryCode: string }) => m.countryCode)
        .sort(),
    ).toEqual(['AL', 'RS'])
    expect((await auditRowsAfter(t.db, seq)).map((r) => r.action)).toEqual([
      'invitation.accepted',
      'membership.created',
    ])
    const users = await t.db.selectFrom('users').select('id').where('email', '=', existing.email).execute()
    expect(users).toHaveLength(1)
  })

  it('password guesses through an invitation count against the account’s sign-in limit', async () => {
    const existing = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const { token } = await invite(leadRs.cookie, { email: existing.email, role: 'observer', countryCode: 'RS' })
    const guess = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/invitations/accept',
        payload: { token, name: 'Guesser', password },
        remoteAddress: '10.7.7.7',
      })
    for (let i = 0; i < t.config.login.maxFailures; i++)
      expect((await guess(`Guess-Number-${i}-x`)).statusCode).toBe(400)
    expect((await guess(TEST_PASSWORD)).statusCode).toBe(429)
    const signIn = await client(t.app).post('/api/auth/login', { email: existing.email, password: TEST_PASSWORD })
    expect(signIn.statusCode).toBe(429)
  })

  it('invitation emails are matched without regard to case', async () => {
    const existing = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const { token } = await invite(admin.cookie, {
      email: existing.email.toUpperCase(),
      role: 'observer',
      countryCode: 'RS',
    })
    const res = await accept(token, 'Someone', TEST_PASSWORD)
    expect(res.statusCode).toBe(200)
    expect(res.json().data.id).toBe(existing.id)
  })

  it('answers 404 for unknown, expired and used links alike', async () => {
    const unknown = 'a'.repeat(43)
    const { token: expired } = await invite(admin.cookie, { email: newEmail(), role: 'observer', countryCode: null })
    await t.db
      .updateTable('oneTimeTokens')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', hashSecret(expired))
      .execute()
    for (const token of [unknown, expired]) {
      expect((await client(t.app).get(`/api/auth/invitations/${token}`)).statusCode).toBe(404)
      const res = await expectNoChange(t.db, () => accept(token, 'Late Comer', NEW_PASSWORD))
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('not_found')
    }
  })

  it('refuses a malformed token with 400', async () => {
    expect((await client(t.app).get('/api/auth/invitations/short')).statusCode).toBe(400)
    const res = await accept('bad token!', 'Name', NEW_PASSWORD)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.token' })])
  })

  it('a password reset link is not an invitation', async () => {
    const user = await buildUser(t.db)
    const reset = await client(t.app, admin.cookie).post(`/api/users/${user.id}/password-reset`)
    const token = tokenOf(reset.json().link)
    expect((await client(t.app).get(`/api/auth/invitations/${token}`)).statusCode).toBe(404)
    expect((await accept(token, 'Sneaky', NEW_PASSWORD)).statusCode).toBe(404)
  })
})

describe('pending invitations', () => {
  it('are listed to admins (all) and leads (their countries)', async () => {
    const rs = await invite(leadRs.cookie, { email: newEmail(), role: 'expert', countryCode: 'RS' })
    const al = await invite(admin.cookie, { email: newEmail(), role: 'expert', countryCode: 'AL' })
    const idsFor = async (cookie: string) =>
      (await client(t.app, cookie).get('/api/invitations')).json().data.map((i: { id: string }) => i.id)
    expect(await idsFor(admin.cookie)).toEqual(expect.arrayContaining([hashSecret(rs.token), hashSecret(al.token)]))
    const leadSees = await idsFor(leadRs.cookie)
    expect(leadSees).toContain(hashSecret(rs.token))
    expect(leadSees).not.toContain(hashSecret(al.token))
    const expert = await asUser(t.app, 'expert', 'RS')
    expect((await client(t.app, expert.cookie).get('/api/invitations')).statusCode).toBe(403)
  })

  it('can be revoked by the lead of the country; the link then stops working', async () => {
    const { token } = await invite(leadRs.cookie, { email: newEmail(), role: 'expert', countryCode: 'RS' })
    const id = hashSecret(token)
    const seq = await lastAuditSeq(t.db)
    const res = await client(t.app, leadRs.cookie).delete(`/api/invitations/${id}`)
    expect(res.statusCode).toBe(200)
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({ action: 'invitation.revoked', actorId: leadRs.id, subjectId: id, countryCode: 'RS' }),
    ])
    expect((await client(t.app).get(`/api/auth/invitations/${token}`)).statusCode).toBe(404)
    expect((await client(t.app, leadRs.cookie).delete(`/api/invitations/${id}`)).statusCode).toBe(404)
  })

  it('of another country look missing to a lead (404, nothing changes)', async () => {
    const { token } = await invite(admin.cookie, { email: newEmail(), role: 'expert', countryCode: 'AL' })
    const res = await expectNoChange(t.db, () =>
      client(t.app, leadRs.cookie).delete(`/api/invitations/${hashSecret(token)}`),
    )
    expect(res.statusCode).toBe(404)
    expect((await client(t.app).get(`/api/auth/invitations/${token}`)).statusCode).toBe(200)
  })
})

describe('password reset links', () => {
  const createReset = (cookie: string, userId: string) =>
    client(t.app, cookie).post(`/api/users/${userId}/password-reset`)
  const complete = (token: string, password: string) =>
    client(t.app).post('/api/auth/password-reset', { token, password })

  it('an admin creates one; completing it sets the password and ends every session', async () => {
    const user = await buildUser(t.db, { role: 'expert', countryCode: 'AL' })
    const session = await login(t.app, user.email)
    const seq = await lastAuditSeq(t.db)
    const res = await createReset(admin.cookie, user.id)
    expect(res.statusCode).toBe(201)
    expect(res.json().link).toMatch(/\/reset-password\?token=/)
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({
        action: 'passwordReset.created',
        actorId: admin.id,
        subjectId: user.id,
        countryCode: 'AL',
      }),
    ])

    const token = tokenOf(res.json().link)
    const seq2 = await lastAuditSeq(t.db)
    expect((await complete(token, NEW_PASSWORD)).statusCode).toBe(200)
    expect(await auditRowsAfter(t.db, seq2)).toEqual([
      expect.objectContaining({ action: 'user.passwordReset', actorId: user.id, subjectId: user.id }),
    ])
    expect((await client(t.app, session).get('/api/auth/me')).statusCode).toBe(401)
    expect((await login(t.app, user.email, NEW_PASSWORD)).length).toBeGreaterThan(0)
    expect((await complete(token, 'Another-Fresh-Pass-9')).statusCode).toBe(404)
  })

  it('a newer link replaces an older one', async () => {
    const user = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const first = tokenOf((await createReset(leadRs.cookie, user.id)).json().link)
    const second = tokenOf((await createReset(leadRs.cookie, user.id)).json().link)
    expect((await complete(first, NEW_PASSWORD)).statusCode).toBe(404)
    expect((await complete(second, NEW_PASSWORD)).statusCode).toBe(200)
  })

  it('refuses a weak password and keeps the link usable', async () => {
    const user = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const token = tokenOf((await createReset(admin.cookie, user.id)).json().link)
    const res = await expectNoChange(t.db, () => complete(token, user.email))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.password' })])
    expect((await complete(token, NEW_PASSWORD)).statusCode).toBe(200)
  })

  it('a lead creates them for people of their country only', async () => {
    const rsExpert = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const alExpert = await buildUser(t.db, { role: 'expert', countryCode: 'AL' })
    const both = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    await t.db
      .insertInto('memberships')
      .values({
        id: '01900000-0000-7000-8000-00000000b0b0',
        userId: both.id,
        role: 'expert',
        countryCode: 'AL',
        organisationId: null,
        createdAt: new Date().toISOString(),
      })
      .execute()
    expect((await createReset(leadRs.cookie, rsExpert.id)).statusCode).toBe(201)
    // Cannot see the AL expert at all: 404. Sees the RS+AL expert but may not manage them: 403.
    expect((await expectNoChange(t.db, () => createReset(leadRs.cookie, alExpert.id))).statusCode).toBe(404)
    expect((await expectNoChange(t.db, () => createReset(leadRs.cookie, both.id))).statusCode).toBe(403)
    expect((await expectNoChange(t.db, () => createReset(leadRs.cookie, leadRs.id))).statusCode).toBe(403)
  })

  it('other roles cannot create them', async () => {
    const expert = await asUser(t.app, 'expert', 'RS')
    const other = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    expect((await createReset(expert.cookie, other.id)).statusCode).toBe(404)
    expect((await createReset(expert.cookie, expert.id)).statusCode).toBe(403)
  })
})
