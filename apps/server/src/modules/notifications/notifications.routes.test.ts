import type { Notification, NotificationList } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoChange } from '../../../test/db-state.ts'
import {
  addMembership,
  asUser,
  type BuiltOrganisation,
  type BuiltUser,
  buildOrganisation,
  buildUser,
  login,
} from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { withTransaction } from '../../db/transaction.ts'
import { type SmallRound, smallRound } from './notifications-test-support.ts'

type Signed = BuiltUser & { cookie: string }

let t: TestApp
let admin: Signed
let lead: Signed
let expert: BuiltUser
let orgA: BuiltOrganisation
let orgB: BuiltOrganisation
let providerA1: Signed
let providerA2: Signed
let inactiveA: BuiltUser
let providerB: BuiltUser
let providerElsewhere: BuiltUser

async function send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, cookie = lead.cookie) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}

const assignmentUrl = (round: SmallRound, code: string, country = 'RS') =>
  `/api/rounds/${round.id}/countries/${country}/assignments/${code}`
const answerUrl = (round: SmallRound, code: string, orgId: string) =>
  `/api/rounds/${round.id}/countries/RS/indicators/${code}/answers/${orgId}`

async function assign(
  round: SmallRound,
  code: string,
  body: { version: number; expertId?: string | null; providers: object[]; dueOn?: string | null },
  cookie = lead.cookie,
  country = 'RS',
) {
  const res = await send('PUT', assignmentUrl(round, code, country), { expertId: null, dueOn: null, ...body }, cookie)
  expect(res.statusCode, res.body).toBe(200)
}

/** Notification rows of a round (optionally one indicator), oldest first. */
async function rowsOf(round: SmallRound, indicatorCode?: string) {
  let q = t.db.selectFrom('notifications').selectAll().where('roundId', '=', round.id)
  if (indicatorCode) q = q.where('indicatorCode', '=', indicatorCode)
  return q.orderBy('id').execute()
}

const readersOf = (rows: { userId: string }[]) => rows.map((r) => r.userId).sort()
const sorted = (...ids: string[]) => [...ids].sort()

async function listAs(cookie: string, query = ''): Promise<NotificationList> {
  const res = await send('GET', `/api/me/notifications${query}`, undefined, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

async function markRead(cookie: string, payload: object): Promise<number> {
  const res = await send('POST', '/api/me/notifications/read', payload, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data.unread
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 3))

beforeAll(async () => {
  t = await createTestApp()
  admin = await asUser(t.app, 'admin')
  lead = await asUser(t.app, 'country_lead', 'RS')
  expert = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
  orgA = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Shelter A' })
  orgB = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Shelter B' })
  providerA1 = await asUser(t.app, 'data_provider', 'RS', { organisationId: orgA.id })
  providerA2 = await asUser(t.app, 'data_provider', 'RS', { organisationId: orgA.id })
  inactiveA = await buildUser(t.db, { role: 'data_provider', organisationId: orgA.id, active: false })
  providerB = await buildUser(t.db, { role: 'data_provider', organisationId: orgB.id })
  providerElsewhere = await buildUser(t.db, { role: 'data_provider', countryCode: 'RS' })
})
afterAll(() => t.close())

describe('who is told of an assignment', () => {
  it('tells the active providers of each newly added organisation and a new expert, never the actor', async () => {
    const round = await smallRound(t.db)
    await assign(round, 'IDN-1', {
      version: 0,
      expertId: expert.id,
      providers: [{ organisationId: orgA.id, userId: null }],
      dueOn: '2026-06-30',
    })
    const first = await rowsOf(round, 'IDN-1')
    expect(readersOf(first)).toEqual(sorted(providerA1.id, providerA2.id, expert.id))
    for (const row of first) {
      expect(row).toMatchObject({
        kind: 'assignment',
        countryCode: 'RS',
        actorId: lead.id,
        dueOn: '2026-06-30',
        readAt: null,
        emailStatus: 'pending',
        role: row.userId === expert.id ? 'expert' : 'provider',
        organisationId: row.userId === expert.id ? null : orgA.id,
      })
    }
    const nobody = [lead.id, inactiveA.id, providerB.id, providerElsewhere.id]
    expect(first.filter((r) => nobody.includes(r.userId))).toEqual([])

    // A new due date alone tells nobody.
    await assign(round, 'IDN-1', {
      version: 1,
      expertId: expert.id,
      providers: [{ organisationId: orgA.id, userId: null }],
      dueOn: '2026-07-31',
    })
    expect(await rowsOf(round, 'IDN-1')).toHaveLength(first.length)

    // A second organisation: only its providers.
    await assign(round, 'IDN-1', {
      version: 2,
      expertId: expert.id,
      providers: [
        { organisationId: orgA.id, userId: null },
        { organisationId: orgB.id, userId: null },
      ],
      dueOn: '2026-07-31',
    })
    const second = (await rowsOf(round, 'IDN-1')).slice(first.length)
    expect(second.map((r) => [r.userId, r.organisationId, r.role, r.dueOn])).toEqual([
      [providerB.id, orgB.id, 'provider', '2026-07-31'],
    ])

    // Naming one person of an organisation already listed: only that person.
    await assign(round, 'IDN-1', {
      version: 3,
      expertId: expert.id,
      providers: [
        { organisationId: orgA.id, userId: providerA2.id },
        { organisationId: orgB.id, userId: null },
      ],
      dueOn: '2026-07-31',
    })
    expect(readersOf((await rowsOf(round, 'IDN-1')).slice(first.length + 1))).toEqual([providerA2.id])
  })

  it('tells only the named person of a new organisation, and not the actor named as expert', async () => {
    const round = await smallRound(t.db)
    await assign(round, 'IDN-2', { version: 0, providers: [{ organisationId: orgA.id, userId: providerA1.id }] })
    expect(readersOf(await rowsOf(round, 'IDN-2'))).toEqual([providerA1.id])

    const leadExpert = await asUser(t.app, 'country_lead', 'RS')
    await addMembership(t.db, leadExpert.id, { role: 'expert', countryCode: 'RS' })
    await assign(round, 'AST-1', { version: 0, expertId: leadExpert.id, providers: [] }, leadExpert.cookie)
    expect(await rowsOf(round, 'AST-1')).toEqual([])
  })

  it('writes no notification when the assignment is refused', async () => {
    const round = await smallRound(t.db)
    await assign(round, 'IDN-1', { version: 0, providers: [{ organisationId: orgA.id, userId: null }] })
    const stale = await expectNoChange(t.db, () =>
      send('PUT', assignmentUrl(round, 'IDN-1'), {
        version: 0,
        expertId: expert.id,
        providers: [{ organisationId: orgB.id, userId: null }],
        dueOn: null,
      }),
    )
    expect(stale.statusCode).toBe(409)
    const invalid = await expectNoChange(t.db, () =>
      send('PUT', assignmentUrl(round, 'IDN-2'), {
        version: 0,
        expertId: expert.id,
        providers: [{ organisationId: orgB.id, userId: providerA1.id }],
        dueOn: null,
      }),
    )
    expect(invalid.statusCode).toBe(400)
  })
})

describe('who is told of a returned answer', () => {
  it("tells the organisation's providers, with the comment", async () => {
    const round = await smallRound(t.db, { status: 'collecting' })
    await assign(round, 'AST-1', { version: 0, providers: [{ organisationId: orgA.id, userId: null }] })
    const url = answerUrl(round, 'AST-1', orgA.id)
    const saved = await send('PUT', url, { version: 0, value: { choice: '2' } }, providerA1.cookie)
    expect(saved.statusCode, saved.body).toBe(200)
    const submitted = await send('POST', `${url}/submit`, { version: 1 }, providerA1.cookie)
    expect(submitted.statusCode, submitted.body).toBe(200)
    const before = (await rowsOf(round, 'AST-1')).length

    const refused = await expectNoChange(t.db, () => send('POST', `${url}/return`, { version: 1, comment: 'Stale' }))
    expect(refused.statusCode).toBe(409)

    const returned = await send('POST', `${url}/return`, { version: 2, comment: 'Attach the shelter SOPs' })
    expect(returned.statusCode, returned.body).toBe(200)
    const rows = (await rowsOf(round, 'AST-1')).slice(before)
    expect(readersOf(rows)).toEqual(sorted(providerA1.id, providerA2.id))
    for (const row of rows) {
      expect(row).toMatchObject({
        kind: 'answer_returned',
        organisationId: orgA.id,
        actorId: lead.id,
        role: 'provider',
        comment: 'Attach the shelter SOPs',
      })
    }
    const listed = await listAs(providerA2.cookie)
    expect(listed.data[0]).toMatchObject({ kind: 'answer_returned', comment: 'Attach the shelter SOPs' })
  })
})

describe('reading notifications', () => {
  let round: SmallRound
  let org: BuiltOrganisation
  let reader: Signed
  let colleague: Signed
  let mine: Notification[]

  beforeAll(async () => {
    round = await smallRound(t.db)
    org = await buildOrganisation(t.db, { countryCode: 'RS', name: 'Reading NGO' })
    reader = await asUser(t.app, 'data_provider', 'RS', { organisationId: org.id })
    colleague = await asUser(t.app, 'data_provider', 'RS', { organisationId: org.id })
    for (const [code, dueOn] of [
      ['IDN-1', '2026-05-01'],
      ['IDN-2', '2026-05-02'],
      ['AST-1', '2026-05-03'],
    ] as const) {
      await assign(round, code, { version: 0, providers: [{ organisationId: org.id, userId: null }], dueOn })
      await pause()
    }
  })

  it("lists only the reader's own, newest first, with the round, organisation and actor", async () => {
    const list = await listAs(reader.cookie)
    mine = list.data
    expect(list.unread).toBe(3)
    expect(mine.map((n) => n.indicatorCode)).toEqual(['AST-1', 'IDN-2', 'IDN-1'])
    expect(mine[0]).toEqual({
      id: expect.any(String),
      kind: 'assignment',
      round: { id: round.id, name: round.name },
      countryCode: 'RS',
      indicatorCode: 'AST-1',
      organisation: { id: org.id, name: 'Reading NGO' },
      actor: { id: lead.id, name: lead.name },
      comment: null,
      dueOn: '2026-05-03',
      role: 'provider',
      createdAt: expect.any(String),
      readAt: null,
    })
    const owners = await t.db
      .selectFrom('notifications')
      .select('userId')
      .where(
        'id',
        'in',
        mine.map((n) => n.id),
      )
      .execute()
    expect(owners.map((o) => o.userId)).toEqual([reader.id, reader.id, reader.id])
    const theirs = (await listAs(colleague.cookie)).data.map((n) => n.id)
    expect(theirs).toHaveLength(3)
    expect(theirs.filter((id) => mine.some((n) => n.id === id))).toEqual([])
    expect((await listAs(lead.cookie)).data).toEqual([])
  })

  it('pages back with limit and before', async () => {
    const first = await listAs(reader.cookie, '?limit=2')
    expect(first.data.map((n) => n.id)).toEqual([mine[0]?.id, mine[1]?.id])
    expect(first.unread).toBe(3)
    const next = await listAs(reader.cookie, `?limit=2&before=${mine[1]?.id}`)
    expect(next.data.map((n) => n.id)).toEqual([mine[2]?.id])
    expect((await listAs(reader.cookie, `?before=${mine[2]?.id}`)).data).toEqual([])
  })

  it("marks only the reader's own as read, by id or all, and filters unread ones", async () => {
    const theirs = (await listAs(colleague.cookie)).data
    const unread = await markRead(reader.cookie, { ids: [mine[1]?.id, theirs[0]?.id] })
    expect(unread).toBe(2)
    const after = await listAs(reader.cookie)
    expect(after.data.map((n) => n.readAt !== null)).toEqual([false, true, false])
    expect((await listAs(reader.cookie, '?unread=true')).data.map((n) => n.id)).toEqual([mine[0]?.id, mine[2]?.id])
    expect((await listAs(reader.cookie, '?unread=false')).data).toHaveLength(3)
    const colleagueView = await listAs(colleague.cookie)
    expect(colleagueView.unread).toBe(3)
    expect(colleagueView.data.every((n) => n.readAt === null)).toBe(true)

    expect(await markRead(reader.cookie, { all: true })).toBe(0)
    expect((await listAs(reader.cookie, '?unread=true')).data).toEqual([])
    expect((await listAs(colleague.cookie)).unread).toBe(3)
  })

  it('refuses a malformed request to mark as read and changes nothing', async () => {
    for (const payload of [
      {},
      { ids: [] },
      { ids: ['not-an-id'] },
      { all: false },
      { all: true, ids: [mine[0]?.id] },
    ]) {
      const res = await expectNoChange(t.db, () =>
        send('POST', '/api/me/notifications/read', payload, colleague.cookie),
      )
      expect(res.statusCode, JSON.stringify(payload)).toBe(400)
    }
  })
})

describe('after access to a country ends', () => {
  it('neither lists nor counts notifications about that country', async () => {
    const round = await smallRound(t.db)
    const org = await buildOrganisation(t.db, { countryCode: 'RS' })
    const reader = await buildUser(t.db, { role: 'data_provider', organisationId: org.id })
    await addMembership(t.db, reader.id, { role: 'expert', countryCode: 'AL' })
    const cookie = await login(t.app, reader.email)
    // Older: the Albanian assignment; newer: the Serbian one.
    await assign(round, 'IDN-1', { version: 0, expertId: reader.id, providers: [] }, admin.cookie, 'AL')
    await pause()
    await assign(round, 'IDN-1', { version: 0, providers: [{ organisationId: org.id, userId: null }] })
    const before = await listAs(cookie)
    expect(before.data.map((n) => n.countryCode)).toEqual(['RS', 'AL'])
    expect(before.unread).toBe(2)

    const removed = await send(
      'DELETE',
      `/api/users/${reader.id}/memberships/${reader.membershipId}`,
      undefined,
      admin.cookie,
    )
    expect(removed.statusCode, removed.body).toBe(200)
    const after = await listAs(cookie)
    expect(after.data.map((n) => n.countryCode)).toEqual(['AL'])
    expect(after.unread).toBe(1)
    // The hidden one does not take a place of the page either.
    expect((await listAs(cookie, '?limit=1')).data.map((n) => n.countryCode)).toEqual(['AL'])
    expect((await listAs(cookie, '?unread=true')).unread).toBe(1)

    // With no membership left, nothing is listed.
    await withTransaction(t.db, (trx) => trx.deleteFrom('memberships').where('userId', '=', reader.id).execute())
    expect(await listAs(cookie)).toEqual({ data: [], unread: 0 })
  })
})
