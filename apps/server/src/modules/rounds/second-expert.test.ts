import type { MyWork, Progress, Round, VersionDetail } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser, buildUser } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'

let t: TestApp
let coordinator: string
let leadRs: string
let version: VersionDetail
let code: string

async function send(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie = coordinator) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}

async function createRound(doubleScoring: boolean): Promise<Round> {
  const res = await send('POST', '/api/rounds', {
    name: `Double scoring ${doubleScoring}`,
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    frameworkVersionId: version.id,
    countries: ['RS'],
    options: { doubleScoring },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().data
}

const assignmentUrl = (round: Round) => `/api/rounds/${round.id}/countries/RS/assignments/${code}`
const issuePaths = (res: { json: () => { error: { details: { issues: { path: string }[] } } } }) =>
  res.json().error.details.issues.map((i) => i.path)

beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  coordinator = (await asUser(t.app, 'regional_coordinator')).cookie
  leadRs = (await asUser(t.app, 'country_lead', 'RS')).cookie
  const list = (await send('GET', '/api/frameworks')).json().data
  version = (await send('GET', `/api/framework-versions/${list[0].versions[0].id}`)).json().data
  code = version.indicators.find((i) => i.core)?.code as string
})
afterAll(() => t.close())

describe('the second expert of a double-scored round', () => {
  it('is stored, audited, notified, shown on the board and in their work', async () => {
    const round = await createRound(true)
    const expert = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const second = await asUser(t.app, 'expert', 'RS')
    const before = await lastAuditSeq(t.db)
    const saved = await send(
      'PUT',
      assignmentUrl(round),
      { version: 0, expertId: expert.id, secondExpertId: second.id, providers: [], dueOn: '2030-06-30' },
      leadRs,
    )
    expect(saved.statusCode, saved.body).toBe(200)
    const audit = await auditRowsAfter(t.db, before)
    expect(audit.map((r) => r.action)).toEqual(['assignment.updated'])
    expect(audit[0]?.summary.after).toMatchObject({ expertId: expert.id, secondExpertId: second.id })

    const notices = await t.db
      .selectFrom('notifications')
      .select(['userId', 'role'])
      .where('roundId', '=', round.id)
      .where('kind', '=', 'assignment')
      .orderBy('userId')
      .execute()
    expect(notices).toEqual(
      [
        { userId: expert.id, role: 'expert' },
        { userId: second.id, role: 'expert' },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    )

    const progress = (await send('GET', `/api/rounds/${round.id}/countries/RS/progress`, undefined, leadRs)).json()
      .data as Progress
    expect(progress.indicators.find((r) => r.code === code)?.assignment).toMatchObject({
      expert: { id: expert.id },
      secondExpert: { id: second.id, name: second.name },
      version: 1,
    })

    await send('POST', `/api/rounds/${round.id}/transition`, { to: 'collecting', version: round.version })
    const work = (await send('GET', '/api/me/work', undefined, second.cookie)).json().data as MyWork
    expect(work.items.map((i) => [i.indicatorCode, i.as])).toEqual([[code, 'expert']])

    // Changing only the due date notifies nobody again; removing the second expert is audited with the earlier one.
    const again = await send(
      'PUT',
      assignmentUrl(round),
      { version: 1, expertId: expert.id, secondExpertId: null, providers: [], dueOn: '2030-07-31' },
      leadRs,
    )
    expect(again.statusCode, again.body).toBe(200)
    const last = (await auditRowsAfter(t.db, before)).at(-1)
    expect(last?.summary.before).toMatchObject({ secondExpertId: second.id })
    expect(last?.summary.after).toMatchObject({ secondExpertId: null })
    const assignmentNotices = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('roundId', '=', round.id)
      .where('kind', '=', 'assignment')
      .execute()
    expect(assignmentNotices).toHaveLength(2)
  })

  it('is another person than the expert, and an active expert of the country', async () => {
    const round = await createRound(true)
    const expert = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const expertAl = await buildUser(t.db, { role: 'expert', countryCode: 'AL' })
    const observer = await buildUser(t.db, { role: 'observer', countryCode: 'RS' })
    for (const secondExpertId of [expert.id, expertAl.id, observer.id]) {
      const res = await expectNoChange(t.db, () =>
        send(
          'PUT',
          assignmentUrl(round),
          { version: 0, expertId: expert.id, secondExpertId, providers: [], dueOn: null },
          leadRs,
        ),
      )
      expect(res.statusCode, res.body).toBe(400)
      expect(issuePaths(res)).toEqual(['body.secondExpertId'])
    }
  })

  it('is refused when the round does not use double scoring, and optional otherwise', async () => {
    const round = await createRound(false)
    const expert = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const second = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const refused = await expectNoChange(t.db, () =>
      send(
        'PUT',
        assignmentUrl(round),
        { version: 0, expertId: expert.id, secondExpertId: second.id, providers: [], dueOn: null },
        leadRs,
      ),
    )
    expect(refused.statusCode).toBe(400)
    expect(issuePaths(refused)).toEqual(['body.secondExpertId'])
    // Clients that do not know of the second expert leave it out.
    const plain = await send(
      'PUT',
      assignmentUrl(round),
      { version: 0, expertId: expert.id, providers: [], dueOn: null },
      leadRs,
    )
    expect(plain.statusCode, plain.body).toBe(200)
    const progress = (await send('GET', `/api/rounds/${round.id}/countries/RS/progress`, undefined, leadRs)).json()
      .data as Progress
    expect(progress.indicators.find((r) => r.code === code)?.assignment?.secondExpert).toBeNull()
  })
})
