import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser, buildOrganisation, buildUser, login, TEST_PASSWORD } from '../../../test/factories.ts'
import { client } from '../../../test/http.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { buildApp } from '../../app.ts'
import { withTransaction } from '../../db/transaction.ts'
import { SESSION_COOKIE } from './sessions.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const loginAs = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress })

describe('POST /api/auth/login', () => {
  it('signs in with an HttpOnly, SameSite=Lax session cookie and returns the user', async () => {
    const user = await buildUser(t.db, { role: 'country_lead', countryCode: 'RS' })
    const seq = await lastAuditSeq(t.db)
    const res = await loginAs(user.email.toUpperCase(), TEST_PASSWORD)
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    expect(res.json().data).toMatchObject({ id: user.id, email: user.email })
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({ action: 'user.signedIn', actorId: user.id, subjectId: user.id }),
    ])
    const row = await t.db.selectFrom('users').select('lastLoginAt').where('id', '=', user.id).executeTakeFirst()
    expect(row?.lastLoginAt).not.toBeNull()
  })

  it('never stores the cookie secret itself', async () => {
    const user = await buildUser(t.db)
    const token = (await login(t.app, user.email)).split('=')[1] as string
    const sessions = await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute()
    expect(sessions).toHaveLength(1)
    expect(sessions[0]?.id).not.toBe(token)
  })

  it('answers a wrong password, an unknown email and a deactivated account alike (no user enumeration)', async () => {
    const user = await buildUser(t.db)
    const inactive = await buildUser(t.db, { active: false })
    const answers = [
      await loginAs(user.email, 'Wrong-Password-123', '10.0.1.1'),
      await loginAs('nobody@example.test', 'Wrong-Password-123', '10.0.1.1'),
      await loginAs(inactive.email, TEST_PASSWORD, '10.0.1.1'),
    ]
    for (const res of answers) {
      expect(res.statusCode).toBe(401)
      expect(res.cookies).toHaveLength(0)
    }
    const bodies = answers.map((res) => ({ ...res.json(), requestId: undefined }))
    expect(bodies[1]).toEqual(bodies[0])
    expect(bodies[2]).toEqual(bodies[0])
    expect(bodies[0].error.code).toBe('unauthenticated')
  })

  it('locks an account after 10 failures in a row, even against the right password, until the lock expires', async () => {
    const user = await buildUser(t.db)
    for (let i = 0; i < 10; i++) {
      expect((await loginAs(user.email, `Wrong-Password-${i}x`, '10.0.2.1')).statusCode).toBe(401)
    }
    const eleventh = await loginAs(user.email, 'Wrong-Password-11x', '10.0.2.1')
    expect(eleventh.statusCode).toBe(429)
    expect(eleventh.json().error).toMatchObject({
      code: 'rate_limited',
      details: { retryAfterSeconds: expect.any(Number) },
    })
    // The lock is per account: the right password from another address is refused too.
    expect((await loginAs(user.email, TEST_PASSWORD, '10.0.2.2')).statusCode).toBe(429)

    const longAgo = new Date(Date.now() - t.config.login.lockMs - 1000).toISOString()
    await t.db
      .updateTable('loginFailures')
      .set({ lastAt: longAgo })
      .where('key', '=', `account:${user.email}`)
      .execute()
    expect((await loginAs(user.email, TEST_PASSWORD, '10.0.2.2')).statusCode).toBe(200)
  })

  it('a successful sign-in resets the count of failures', async () => {
    const user = await buildUser(t.db)
    for (let i = 0; i < 9; i++) await loginAs(user.email, `Wrong-Password-${i}x`, '10.0.3.1')
    expect((await loginAs(user.email, TEST_PASSWORD, '10.0.3.1')).statusCode).toBe(200)
    for (let i = 0; i < 9; i++) await loginAs(user.email, `Wrong-Password-${i}x`, '10.0.3.1')
    expect((await loginAs(user.email, TEST_PASSWORD, '10.0.3.1')).statusCode).toBe(200)
  })

  it('refuses a bad body with field paths', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email' } })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']))
  })
})

describe('per-address sign-in limit', () => {
  let small: TestApp
  beforeAll(async () => {
    small = await createTestApp({ LOGIN_MAX_FAILURES_PER_IP: '3' })
  })
  afterAll(() => small.close())

  it('throttles an address that fails on many accounts, and only that address', async () => {
    const user = await buildUser(small.db)
    const attempt = (email: string, password: string, remoteAddress: string) =>
      small.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress })
    for (let i = 0; i < 3; i++) {
      expect((await attempt(`someone${i}@example.test`, 'Wrong-Password-1x', '10.9.9.9')).statusCode).toBe(401)
    }
    expect((await attempt(user.email, TEST_PASSWORD, '10.9.9.9')).statusCode).toBe(429)
    expect((await attempt(user.email, TEST_PASSWORD, '10.9.9.8')).statusCode).toBe(200)
  })
})

describe('POST /api/auth/logout', () => {
  it('ends the session and clears the cookie', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    const seq = await lastAuditSeq(t.db)
    const res = await client(t.app, user.cookie).post('/api/auth/logout')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ ok: true })
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE)
    expect(cleared?.value).toBe('')
    expect((await client(t.app, user.cookie).get('/api/auth/me')).statusCode).toBe(401)
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({ action: 'user.signedOut', actorId: user.id, subjectId: user.id }),
    ])
  })

  it('answers ok without a session, and records nothing', async () => {
    const seq = await lastAuditSeq(t.db)
    const res = await client(t.app).post('/api/auth/logout')
    expect(res.statusCode).toBe(200)
    expect(await auditRowsAfter(t.db, seq)).toEqual([])
  })

  it('ends only the session it is sent with', async () => {
    const user = await buildUser(t.db)
    const first = await login(t.app, user.email)
    const second = await login(t.app, user.email)
    await client(t.app, first).post('/api/auth/logout')
    expect((await client(t.app, second).get('/api/auth/me')).statusCode).toBe(200)
  })
})

describe('GET /api/auth/me', () => {
  it('returns the user with memberships (role, country, organisation) and global abilities', async () => {
    const org = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Astra' })
    const user = await asUser(t.app, 'data_provider', 'RS', { organisationId: org.id, name: 'Pat Provider' })
    const res = await client(t.app, user.cookie).get('/api/auth/me')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      data: {
        id: user.id,
        email: user.email,
        name: 'Pat Provider',
        locale: null,
        isDemo: false,
        memberships: [
          {
            id: user.membershipId,
            role: 'data_provider',
            countryCode: 'RS',
            organisationId: org.id,
            organisationName: 'Astra',
          },
        ],
      },
      abilities: [],
    })
  })

  it('lists what an admin may do everywhere', async () => {
    const admin = await asUser(t.app, 'admin')
    const res = await client(t.app, admin.cookie).get('/api/auth/me')
    expect(res.json().abilities).toEqual([
      'user.list',
      'audit.read',
      'user.invite',
      'country.update',
      'framework.import',
      'round.create',
    ])
  })

  it('answers 401 without a session or with a made-up cookie', async () => {
    expect((await client(t.app).get('/api/auth/me')).statusCode).toBe(401)
    const forged = await client(t.app, `${SESSION_COOKIE}=${'x'.repeat(43)}`).get('/api/auth/me')
    expect(forged.statusCode).toBe(401)
    expect(forged.json().error.code).toBe('unauthenticated')
  })
})

describe('PATCH /api/auth/me', () => {
  it('changes the name and language, and records it', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    const seq = await lastAuditSeq(t.db)
    const res = await client(t.app, user.cookie).patch('/api/auth/me', { name: '  Mira Expert ', locale: 'sr-Cyrl' })
    expect(res.statusCode).toBe(200)
    expect(res.json().data).toMatchObject({ name: 'Mira Expert', locale: 'sr-Cyrl' })
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({
        action: 'user.profileUpdated',
        actorId: user.id,
        subjectId: user.id,
        summary: { before: { name: user.name, locale: null }, after: { name: 'Mira Expert', locale: 'sr-Cyrl' } },
      }),
    ])
    const cleared = await client(t.app, user.cookie).patch('/api/auth/me', { locale: null })
    expect(cleared.json().data).toMatchObject({ name: 'Mira Expert', locale: null })
  })

  it('records nothing when nothing changes', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    const seq = await lastAuditSeq(t.db)
    expect((await client(t.app, user.cookie).patch('/api/auth/me', { name: user.name })).statusCode).toBe(200)
    expect(await auditRowsAfter(t.db, seq)).toEqual([])
  })

  it('refuses an empty name and an unknown language', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    const res = await expectNoChange(t.db, () =>
      client(t.app, user.cookie).patch('/api/auth/me', { name: '   ', locale: 'de' }),
    )
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.details.issues.map((i: { path: string }) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.locale']))
  })
})

describe('POST /api/auth/password', () => {
  const NEW_PASSWORD = 'Quiet-Harbour-Maple-7'

  it('refuses a wrong current password with the field path', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    const res = await expectNoChange(
      t.db,
      () =>
        client(t.app, user.cookie).post('/api/auth/password', {
          currentPassword: 'Not-The-Password-1',
          newPassword: NEW_PASSWORD,
        }),
      { except: ['login_failures'] },
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.currentPassword' })])
  })

  it('counts wrong current passwords like failed sign-ins: the 11th in a row gets 429', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    const attempt = () =>
      client(t.app, user.cookie).post('/api/auth/password', {
        currentPassword: 'Not-The-Password-1',
        newPassword: NEW_PASSWORD,
      })
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(400)
    const locked = await attempt()
    expect(locked.statusCode).toBe(429)
    expect(locked.headers['retry-after']).toBeDefined()
  })

  it.each([
    ['too short', 'Short-pw-1'],
    ['the email address', 'EMAIL'],
    ['the part before @ of the email address', 'LOCALPART'],
    ['a common password', 'Password1234'],
    ['two characters repeated', 'abababababab'],
  ])('refuses a new password that is %s', async (_, candidate) => {
    const user = await asUser(t.app, 'expert', 'RS')
    const newPassword =
      candidate === 'EMAIL' ? user.email : candidate === 'LOCALPART' ? (user.email.split('@')[0] as string) : candidate
    const res = await expectNoChange(t.db, () =>
      client(t.app, user.cookie).post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.newPassword' })])
  })

  it('changes the password, keeps this session and ends every other one', async () => {
    const user = await buildUser(t.db)
    const here = await login(t.app, user.email)
    const elsewhere = await login(t.app, user.email)
    const seq = await lastAuditSeq(t.db)
    const res = await client(t.app, here).post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    expect(res.statusCode).toBe(200)
    expect(await auditRowsAfter(t.db, seq)).toEqual([
      expect.objectContaining({ action: 'user.passwordChanged', actorId: user.id, subjectId: user.id }),
    ])
    expect((await client(t.app, here).get('/api/auth/me')).statusCode).toBe(200)
    expect((await client(t.app, elsewhere).get('/api/auth/me')).statusCode).toBe(401)
    expect((await loginAs(user.email, TEST_PASSWORD, '10.0.4.1')).statusCode).toBe(401)
    expect((await loginAs(user.email, NEW_PASSWORD, '10.0.4.1')).statusCode).toBe(200)
  })
})

describe('sessions', () => {
  const meWith = (cookie: string) => client(t.app, cookie).get('/api/auth/me')
  const sessionsOf = (userId: string) =>
    t.db.selectFrom('sessions').select(['id', 'lastSeenAt']).where('userId', '=', userId).execute()

  it('end after the idle timeout', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    const idle = new Date(Date.now() - t.config.sessionIdleMs - 60_000).toISOString()
    await t.db.updateTable('sessions').set({ lastSeenAt: idle }).where('userId', '=', user.id).execute()
    expect((await meWith(user.cookie)).statusCode).toBe(401)
    expect(await sessionsOf(user.id)).toEqual([])
  })

  it('stay alive while used: a request moves the idle deadline', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    const recent = new Date(Date.now() - t.config.sessionIdleMs + 60_000).toISOString()
    await t.db.updateTable('sessions').set({ lastSeenAt: recent }).where('userId', '=', user.id).execute()
    expect((await meWith(user.cookie)).statusCode).toBe(200)
    const [session] = await sessionsOf(user.id)
    expect(session && Date.parse(session.lastSeenAt)).toBeGreaterThan(Date.now() - 10_000)
  })

  it('end at the absolute expiry however active they are', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    const past = new Date(Date.now() - 1000).toISOString()
    await t.db.updateTable('sessions').set({ expiresAt: past }).where('userId', '=', user.id).execute()
    expect((await meWith(user.cookie)).statusCode).toBe(401)
  })

  it('expire absolutely at the configured lifetime', async () => {
    const user = await buildUser(t.db)
    const res = await loginAs(user.email, TEST_PASSWORD, '10.0.5.1')
    const [session] = await t.db.selectFrom('sessions').select('expiresAt').where('userId', '=', user.id).execute()
    const lifetime = Date.parse(session?.expiresAt ?? '') - Date.now()
    expect(lifetime).toBeGreaterThan(t.config.sessionAbsoluteMs - 60_000)
    expect(lifetime).toBeLessThanOrEqual(t.config.sessionAbsoluteMs)
    expect(
      res.cookies
        .find((c) => c.name === SESSION_COOKIE)
        ?.expires?.toISOString()
        .slice(0, 16),
    ).toBe(session?.expiresAt.slice(0, 16))
  })

  it('stop working when the user is deactivated', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    await t.db.updateTable('users').set({ active: 0 }).where('id', '=', user.id).execute()
    expect((await meWith(user.cookie)).statusCode).toBe(401)
  })

  it('see role changes on the next request', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    expect((await client(t.app, user.cookie).get('/api/users')).statusCode).toBe(403)
    // Written as the app writes (one transaction), so every instance's cached session is read again.
    await withTransaction(t.db, (trx) =>
      trx.updateTable('memberships').set({ role: 'country_lead' }).where('userId', '=', user.id).execute(),
    )
    expect((await client(t.app, user.cookie).get('/api/users')).statusCode).toBe(200)
  })

  it('end on every instance when one instance signs the user out', async () => {
    const user = await asUser(t.app, 'expert', 'RS')
    // A second app instance on the same database, with its own cache of sessions.
    const other = await buildApp({ config: t.config, database: t.handle, logger: false })
    try {
      expect((await client(t.app, user.cookie).get('/api/auth/me')).statusCode).toBe(200)
      expect((await client(other, user.cookie).get('/api/auth/me')).statusCode).toBe(200)
      expect((await client(other, user.cookie).post('/api/auth/logout')).statusCode).toBe(200)
      expect((await client(t.app, user.cookie).get('/api/auth/me')).statusCode).toBe(401)
    } finally {
      await other.close()
    }
  })
})
