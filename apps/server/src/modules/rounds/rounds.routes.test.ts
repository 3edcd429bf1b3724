import type { Progress, Round, VersionDetail } from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser, buildOrganisation, buildUser } from '../../../test/factories.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { seedDefaultHandbook } from '../../seed/handbook.ts'

let t: TestApp
let coordinator: string
let leadRs: string
let version: VersionDetail

async function send(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, cookie = coordinator) {
  return t.app.inject({ method, url, payload, headers: { cookie } })
}

const roundBody = (overrides: object = {}) => ({
  name: 'Monitoring 2026',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  frameworkVersionId: version.id,
  countries: ['RS', 'AL'],
  focus: 'labour_exploitation',
  ...overrides,
})

async function createRound(overrides: object = {}): Promise<Round> {
  const res = await send('POST', '/api/rounds', roundBody(overrides))
  expect(res.statusCode, res.body).toBe(201)
  return res.json().data
}

beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  coordinator = (await asUser(t.app, 'regional_coordinator')).cookie
  leadRs = (await asUser(t.app, 'country_lead', 'RS')).cookie
  const list = (await send('GET', '/api/frameworks')).json().data
  version = (await send('GET', `/api/framework-versions/${list[0].versions[0].id}`)).json().data
})
afterAll(() => t.close())

describe('planning a round', () => {
  it('selects the core indicators, those of the focus topic and manual additions, after each country adaptation', async () => {
    const optionalLabour = version.indicators.find((i) => !i.core && i.topics.includes('labour_exploitation'))
      ?.code as string
    const manual = version.indicators.find((i) => !i.core && !i.topics.includes('labour_exploitation'))?.code as string
    const put = await send(
      'PUT',
      `/api/framework-versions/${version.id}/adaptations/RS`,
      {
        version: 0,
        notes: {},
        items: [
          { code: optionalLabour, excluded: true, nationalNote: {}, nationalLegalReferences: [], nationalSources: [] },
        ],
        extraIndicators: [],
      },
      leadRs,
    )
    expect(put.statusCode, put.body).toBe(200)
    const round = await createRound({ manualIndicators: [manual] })
    expect(round.status).toBe('planning')
    expect(round.referenceYear).toBe(2026)
    const core = version.indicators.filter((i) => i.core).length
    const labour = version.indicators.filter((i) => !i.core && i.topics.includes('labour_exploitation')).length
    const counts = Object.fromEntries(round.countries.map((c) => [c.code, c.indicatorCount]))
    expect(counts.AL).toBe(core + labour + 1)
    expect(counts.RS).toBe(core + labour)
    const progress = (await send('GET', `/api/rounds/${round.id}/countries/AL/progress`)).json().data as Progress
    expect(progress.indicators.find((r) => r.code === manual)?.reason).toBe('manual')
    expect(progress.indicators.find((r) => r.code === optionalLabour)?.reason).toBe('focus')
    expect(progress.indicators.filter((r) => r.reason === 'core')).toHaveLength(core)
  })

  it.each([
    [
      'a draft framework version',
      async () => ({
        frameworkVersionId: (
          await send('POST', `/api/framework-versions/${version.id}/drafts`, { label: `d${Date.now()}` })
        ).json().data.id,
      }),
      'body.frameworkVersionId',
    ],
    ['an unknown country', async () => ({ countries: ['RS', 'ZZ'] }), 'body.countries[1]'],
    ['an unknown manual indicator', async () => ({ manualIndicators: ['NOPE-1'] }), 'body.manualIndicators[0]'],
    [
      'a period that ends before it starts',
      async () => ({ periodFrom: '2026-12-31', periodTo: '2026-01-01' }),
      'body.periodTo',
    ],
    ['a custom topic without a name', async () => ({ focus: 'custom' }), 'body.focusLabel'],
  ])('refuses %s with the field and writes nothing', async (_name, make, path) => {
    const overrides = await make()
    const res = await expectNoChange(t.db, () => send('POST', '/api/rounds', roundBody(overrides)))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path)
  })

  it('is planned by the regional coordinator only', async () => {
    expect((await expectNoChange(t.db, () => send('POST', '/api/rounds', roundBody(), leadRs))).statusCode).toBe(403)
  })
})

describe('moving a round through its statuses', () => {
  it('goes one step forward, pins the round, and moves back only with the coordinator and a reason', async () => {
    const round = await createRound()
    const url = `/api/rounds/${round.id}/transition`
    expect((await expectNoChange(t.db, () => send('POST', url, { to: 'reviewing', version: 1 }))).statusCode).toBe(409)
    expect(
      (await expectNoChange(t.db, () => send('POST', url, { to: 'collecting', version: 1 }, leadRs))).statusCode,
    ).toBe(403)
    const started = await send('POST', url, { to: 'collecting', version: 1 })
    expect(started.statusCode, started.body).toBe(200)
    const pinned = await expectNoChange(t.db, () =>
      send('PATCH', `/api/rounds/${round.id}`, { version: 2, countries: ['RS'] }),
    )
    expect(pinned.statusCode).toBe(409)
    expect(
      (await send('PATCH', `/api/rounds/${round.id}`, { version: 2, name: 'Monitoring 2026 (renamed)' })).statusCode,
    ).toBe(200)
    const noReason = await expectNoChange(t.db, () => send('POST', url, { to: 'planning', version: 3 }))
    expect(noReason.statusCode).toBe(400)
    const seq = await lastAuditSeq(t.db)
    const back = await send('POST', url, { to: 'planning', version: 3, reason: 'Albania joins late' })
    expect(back.statusCode, back.body).toBe(200)
    const [row] = await auditRowsAfter(t.db, seq)
    expect(row).toMatchObject({
      action: 'round.statusChanged',
      summary: { before: { status: 'collecting' }, after: { status: 'planning', reason: 'Albania joins late' } },
    })
  })

  it('refuses publication while indicators have no validated assessment, listing them', async () => {
    const round = await createRound({ countries: ['RS'] })
    const url = `/api/rounds/${round.id}/transition`
    await send('POST', url, { to: 'collecting', version: 1 })
    await send('POST', url, { to: 'reviewing', version: 2 })
    const res = await expectNoChange(t.db, () => send('POST', url, { to: 'published', version: 3 }))
    expect(res.statusCode).toBe(409)
    const blockers = res.json().error.details.blockers as { problem: string; indicatorCode: string }[]
    expect(blockers.length).toBe(round.countries[0]?.indicatorCount)
    expect(new Set(blockers.map((b) => b.problem))).toEqual(new Set(['not_validated']))
  })
})

describe('publication', () => {
  it('publishes a country once every indicator has a validated assessment', async () => {
    const round = await createRound({ countries: ['RS'] })
    const url = `/api/rounds/${round.id}/transition`
    await send('POST', url, { to: 'collecting', version: 1 })
    await send('POST', url, { to: 'reviewing', version: 2 })
    const codes = await t.db
      .selectFrom('roundIndicators')
      .select('indicatorCode')
      .where('roundId', '=', round.id)
      .execute()
    const now = new Date().toISOString()
    await t.db
      .insertInto('assessments')
      .values(
        codes.map(({ indicatorCode }) => ({
          id: crypto.randomUUID(),
          roundId: round.id,
          countryCode: 'RS',
          indicatorCode,
          scorer: 'primary',
          expertId: null,
          status: 'validated',
          noData: 1,
          noDataReason: 'Not collected in this test',
          value: '{}',
          sourceAnswerIds: '[]',
          consolidationNote: null,
          score: null,
          normalisedScore: null,
          justification: 'Test',
          answerEvidenceIds: '[]',
          evidence: '[]',
          confidence: 'low',
          dataGaps: null,
          discrepancyResolution: null,
          returnComment: null,
          submittedAt: now,
          submittedBy: null,
          validatedAt: now,
          validatedBy: null,
          createdAt: now,
          updatedAt: now,
          updatedBy: null,
          version: 3,
        })),
      )
      .execute()
    const res = await send('POST', url, { to: 'published', version: 3 })
    expect(res.statusCode, res.body).toBe(200)
  })
})

describe('visibility', () => {
  it('shows a country lead only rounds and countries of their country', async () => {
    const leadAl = (await asUser(t.app, 'country_lead', 'AL')).cookie
    const rsOnly = await createRound({ countries: ['RS'] })
    const both = await createRound()
    expect((await send('GET', `/api/rounds/${rsOnly.id}`, undefined, leadAl)).statusCode).toBe(404)
    const seen = (await send('GET', `/api/rounds/${both.id}`, undefined, leadAl)).json().data as Round
    expect(seen.countries.map((c) => c.code)).toEqual(['AL'])
    expect((await send('GET', `/api/rounds/${both.id}/countries/RS/progress`, undefined, leadAl)).statusCode).toBe(404)
    const listed = (await send('GET', '/api/rounds', undefined, leadAl)).json().data as Round[]
    expect(listed.map((r) => r.id)).toContain(both.id)
    expect(listed.map((r) => r.id)).not.toContain(rsOnly.id)
  })
})

describe('assignments and the progress board', () => {
  it('lets the country lead assign an expert and providers, and shows who is late', async () => {
    const round = await createRound({ countries: ['RS'] })
    const expert = await buildUser(t.db, { role: 'expert', countryCode: 'RS' })
    const ngo = await buildOrganisation(t.db, { countryCode: 'RS', type: 'ngo' })
    const code = version.indicators.find((i) => i.core)?.code as string
    const url = `/api/rounds/${round.id}/countries/RS/assignments/${code}`
    const body = {
      version: 0,
      expertId: expert.id,
      providers: [{ organisationId: ngo.id, userId: null }],
      dueOn: '2020-01-31',
    }
    const saved = await send('PUT', url, body, leadRs)
    expect(saved.statusCode, saved.body).toBe(200)
    expect((await expectNoChange(t.db, () => send('PUT', url, body, leadRs))).statusCode).toBe(409)
    const progress = (await send('GET', `/api/rounds/${round.id}/countries/RS/progress`, undefined, leadRs)).json()
      .data as Progress
    const row = progress.indicators.find((r) => r.code === code)
    expect(row?.assignment).toMatchObject({
      expert: { id: expert.id },
      providers: [{ organisationId: ngo.id }],
      dueOn: '2020-01-31',
      version: 1,
    })
    expect(row).toMatchObject({ status: 'not_started', late: true })
    expect(progress.late).toBe(1)
    expect(progress.abilities).toEqual(['assignment.edit', 'round.remind', 'assessment.read', 'comment.read'])

    await send('POST', `/api/rounds/${round.id}/transition`, { to: 'collecting', version: 1 })
    const draft = await send(
      'PUT',
      `/api/rounds/${round.id}/countries/RS/indicators/${code}/answers/${ngo.id}`,
      { version: 0, narrative: 'Started' },
      leadRs,
    )
    expect(draft.statusCode, draft.body).toBe(200)
    const withDraft = await send('GET', `/api/rounds/${round.id}/countries/RS/progress`, undefined, leadRs)
    expect(withDraft.statusCode, withDraft.body).toBe(200)
    expect((withDraft.json().data as Progress).indicators.find((r) => r.code === code)).toMatchObject({
      status: 'in_progress',
      sources: [expect.objectContaining({ organisationId: ngo.id, status: 'in_progress' })],
    })

    const provider = await asUser(t.app, 'data_provider', 'RS', { organisationId: ngo.id })
    const own = (await send('GET', `/api/rounds/${round.id}/countries/RS/progress`, undefined, provider.cookie)).json()
      .data as Progress
    expect(own.indicators.map((r) => r.code)).toEqual([code])
    // A data provider reads neither assessments nor the team's discussion: the web app does not ask for them.
    expect(own.abilities).toEqual([])
    const observer = await asUser(t.app, 'observer', 'RS')
    const read = (await send('GET', `/api/rounds/${round.id}/countries/RS/progress`, undefined, observer.cookie)).json()
      .data as Progress
    expect(read.abilities).toEqual(['assessment.read', 'comment.read'])
  })

  it('refuses people and organisations from elsewhere, and indicators outside the list', async () => {
    const round = await createRound({ countries: ['RS'] })
    const expertAl = await buildUser(t.db, { role: 'expert', countryCode: 'AL' })
    const orgAl = await buildOrganisation(t.db, { countryCode: 'AL' })
    const code = version.indicators.find((i) => i.core)?.code as string
    const url = `/api/rounds/${round.id}/countries/RS/assignments/${code}`
    const bad = await expectNoChange(t.db, () =>
      send(
        'PUT',
        url,
        { version: 0, expertId: expertAl.id, providers: [{ organisationId: orgAl.id, userId: null }], dueOn: null },
        leadRs,
      ),
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.expertId',
      'body.providers[0].organisationId',
    ])
    const notListed = version.indicators.find((i) => !i.core && !i.topics.includes('labour_exploitation'))
      ?.code as string
    const outside = await expectNoChange(t.db, () =>
      send(
        'PUT',
        `/api/rounds/${round.id}/countries/RS/assignments/${notListed}`,
        { version: 0, expertId: null, providers: [], dueOn: null },
        leadRs,
      ),
    )
    expect(outside.statusCode).toBe(404)
    const expertRs = (await asUser(t.app, 'expert', 'RS')).cookie
    expect(
      (
        await expectNoChange(t.db, () =>
          send('PUT', url, { version: 0, expertId: null, providers: [], dueOn: null }, expertRs),
        )
      ).statusCode,
    ).toBe(403)
  })
})
