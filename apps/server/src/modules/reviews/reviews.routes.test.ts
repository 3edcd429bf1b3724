import {
  type AnonymousRatings,
  CreateRoundBodySchema,
  type DecisionsOverview,
  type MyResponses,
  type ReviewDetail,
  type ReviewResults,
  type ReviewSummary,
  type VersionDetail,
  type VersionDiff,
} from '@thbm/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser } from '../../../test/factories.ts'
import { frameworkDoc } from '../../../test/framework-fixture.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { withTransaction } from '../../db/transaction.ts'
import { importFrameworkDoc } from '../frameworks/import-framework.ts'
import { publishVersion } from '../frameworks/publish-version.ts'
import { createRecommendation } from '../recommendations/write-recommendation.ts'
import { createRound } from '../rounds/create-round.ts'
import { loadRound } from '../rounds/rounds.queries.ts'

type Who = Awaited<ReturnType<typeof asUser>>
let t: TestApp
let coordinator: Who
/** An RS participant who stays a pseudonym, an AL participant who agrees to be named, and an RS expert outside. */
let ana: Who
let bojan: Who
let outsider: Who
let seq = 0

beforeAll(async () => {
  t = await createTestApp()
  coordinator = await asUser(t.app, 'regional_coordinator')
  ana = await asUser(t.app, 'expert', 'RS', { name: 'Ana Anonymous' })
  bojan = await asUser(t.app, 'expert', 'AL', { name: 'Bojan Named' })
  outsider = await asUser(t.app, 'expert', 'RS', { name: 'Olga Outsider' })
})
afterAll(() => t.close())

function send(who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: who.cookie } })
}

/** A published version of a new five-indicator framework (IDN-1 core; IDN-2, IDN-3, AST-1, AST-2). */
async function publishedVersion(): Promise<string> {
  const doc = frameworkDoc({ framework: { code: `RV${++seq}`, name: { en: 'Review test' }, baseLocale: 'en' } })
  return withTransaction(t.db, async (trx) => {
    const ctx = { actor: null, requestId: null }
    const id = await importFrameworkDoc(trx, ctx, doc)
    await publishVersion(trx, ctx, id, 1)
    return id
  })
}

const base = (id: string, rest = '') => `/api/reviews/${id}${rest}`

/** A review with Ana (RS) and Bojan (AL) invited; opened at round 1 when asked. */
async function review(options: { open?: boolean; criteria?: string[] } = {}): Promise<ReviewDetail> {
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

async function rate(who: Who, id: string, code: string, body: object, version = 0) {
  const res = await send(who, 'PUT', base(id, `/my-responses/${code}`), { version, ...body })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as MyResponses['indicators'][number]
}

async function step(id: string, action: 'open-round' | 'close-round' | 'close') {
  const { version } = (await send(coordinator, 'GET', base(id))).json().data as ReviewDetail
  const res = await send(coordinator, 'POST', base(id, `/${action}`), { version })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().data as ReviewDetail
}

async function decide(id: string, code: string, body: object) {
  const overview = (await send(coordinator, 'GET', base(id, '/decisions'))).json().data as DecisionsOverview
  const version = overview.decisions.find((d) => d.code === code)?.version ?? 0
  return send(coordinator, 'PUT', base(id, `/decisions/${code}`), { version, ...body })
}

describe('an indicator review from round 1 to the next Handbook version', () => {
  it('runs two rounds, shows group medians in round 2, and makes a draft whose diff shows the merge and the drop', async () => {
    const seqBefore = await lastAuditSeq(t.db)
    const r = await review()
    expect(r).toMatchObject({ status: 'draft', currentRound: 0, indicatorCount: 5, myPart: 'coordinator' })
    expect(r.participants?.map((p) => p.name).sort()).toEqual(['Ana Anonymous', 'Bojan Named'])
    expect(r.abilities).toContain('review.openRound')

    const consent = await send(bojan, 'POST', base(r.id, '/consent'), { named: true })
    expect(consent.statusCode, consent.body).toBe(200)
    expect(consent.json().data.me).toMatchObject({ countryCode: 'AL', named: true })
    expect(consent.json().data.participants).toBeNull()

    await step(r.id, 'open-round')
    const first = (await send(ana, 'GET', base(r.id, '/my-responses'))).json().data as MyResponses
    expect(first).toMatchObject({ round: 1, roundOpen: true })
    expect(first.indicators.every((i) => i.group === null && i.previous === null && i.response === null)).toBe(true)

    await rate(ana, r.id, 'IDN-1', {
      ratings: { significance: 5, feasibility: 4, clarity: 4, relevance: 5 },
      proposal: 'keep',
    })
    await rate(ana, r.id, 'IDN-3', { ratings: { significance: 2 }, proposal: 'merge', mergeInto: 'IDN-2' })
    await rate(ana, r.id, 'AST-2', { ratings: { significance: 1 }, proposal: 'drop', comment: 'Rarely collected' })
    await rate(bojan, r.id, 'IDN-1', {
      ratings: { significance: 3, feasibility: 4, clarity: 2, relevance: 5 },
      proposal: 'move',
      moveTo: 'data',
    })
    await rate(bojan, r.id, 'AST-2', { ratings: { significance: 2 }, proposal: 'drop' })

    await step(r.id, 'close-round')
    const second = await step(r.id, 'open-round')
    expect(second).toMatchObject({ currentRound: 2, roundOpen: true })

    const workspace = (await send(ana, 'GET', base(r.id, '/my-responses'))).json().data as MyResponses
    const idn1 = workspace.indicators.find((i) => i.code === 'IDN-1') as MyResponses['indicators'][number]
    // Nothing carried over silently: the round-1 rating is shown as "previous", the response is empty.
    expect(idn1.response).toBeNull()
    expect(idn1.previous).toMatchObject({ ratings: { significance: 5 }, proposal: 'keep' })
    expect(idn1.group?.round).toBe(1)
    expect(idn1.group?.respondents).toBe(2)
    expect(idn1.group?.criteria.find((c) => c.criterion === 'significance')).toMatchObject({
      n: 2,
      median: 4,
      q1: 3.5,
      q3: 4.5,
      iqr: 1,
      consensus: true,
      counts: [0, 0, 1, 0, 1],
    })
    expect(idn1.group?.proposals).toMatchObject({ keep: 1, move: 1, moveTargets: [{ topic: 'data', n: 1 }] })

    const revised = await rate(ana, r.id, 'IDN-1', { ratings: { significance: 4, feasibility: 4 }, proposal: 'keep' })
    expect(revised.response).toMatchObject({ version: 1, ratings: { significance: 4, feasibility: 4 } })
    await rate(bojan, r.id, 'IDN-1', { ratings: { significance: 3, feasibility: 4 }, proposal: 'move', moveTo: 'data' })

    const results = (await send(coordinator, 'GET', base(r.id, '/results'))).json().data as ReviewResults
    expect(results.round).toBe(2)
    expect(results.rounds).toEqual([1, 2])
    expect(results.participation).toMatchObject({ invited: 2, responded: 2 })
    const res1 = results.indicators.find((i) => i.code === 'IDN-1') as ReviewResults['indicators'][number]
    expect(res1.overall[0]).toMatchObject({ criterion: 'significance', median: 3.5, iqr: 0.5, consensus: true })
    expect(res1.byCountry.map((c) => [c.countryCode, c.criteria[0]?.median])).toEqual([
      ['AL', 3],
      ['RS', 4],
    ])
    // Ana changed 5 → 4, Bojan kept 3: half changed; the median went from 4 to 3.5.
    expect(res1.stability?.[0]).toMatchObject({ n: 2, changed: 1, changedShare: 0.5, medianChange: -0.5 })
    expect(results.ranking[0]).toBe('IDN-1')
    expect(res1.rank).toBe(1)

    await step(r.id, 'close')
    for (const [code, body] of [
      ['IDN-1', { decision: 'move', moveTo: 'data', rationale: 'Thematic data module' }],
      ['IDN-2', { decision: 'keep' }],
      ['IDN-3', { decision: 'merge', mergeInto: 'IDN-2', rationale: 'Overlaps IDN-2' }],
      ['AST-1', { decision: 'reword', newTitle: { en: 'Assistance in practice' }, rationale: 'Clearer' }],
      ['AST-2', { decision: 'drop', rationale: 'Not collected' }],
    ] as const) {
      const res = await decide(r.id, code, body)
      expect(res.statusCode, res.body).toBe(200)
    }
    const overview = (await send(coordinator, 'GET', base(r.id, '/decisions'))).json().data as DecisionsOverview
    expect(overview.summary).toEqual({
      total: 5,
      decided: 5,
      missing: [],
      byDecision: { keep: 1, merge: 1, drop: 1, reword: 1, move: 1 },
      remaining: 3,
      coreBefore: 1,
      coreAfter: 0,
    })

    const made = await send(coordinator, 'POST', base(r.id, '/generate'), { label: '2.0' })
    expect(made.statusCode, made.body).toBe(201)
    const { versionId, basedOnId } = made.json().data
    expect(basedOnId).toBe(r.frameworkVersion.id)
    const draft = (await send(coordinator, 'GET', `/api/framework-versions/${versionId}`)).json().data as VersionDetail
    expect(draft).toMatchObject({ status: 'draft', label: '2.0' })
    expect(draft.indicators.map((i) => i.code)).toEqual(['IDN-1', 'IDN-2', 'AST-1'])
    expect(draft.indicators[0]).toMatchObject({ core: false, topics: ['data', 'identification'] })
    expect(draft.indicators[2]?.title).toEqual({ en: 'Assistance in practice' })
    const diff = (await send(coordinator, 'GET', `/api/framework-versions/${versionId}/diff`)).json()
      .data as VersionDiff
    expect(diff.entries).toEqual(
      expect.arrayContaining([
        { change: 'merged', from: ['IDN-2', 'IDN-3'], to: ['IDN-2'], fields: [] },
        { change: 'retired', from: ['AST-2'], to: [], fields: [] },
        expect.objectContaining({ change: 'changed', from: ['AST-1'], fields: ['title'] }),
        expect.objectContaining({ change: 'changed', from: ['IDN-1'], fields: ['topics', 'core'] }),
      ]),
    )
    const after = (await send(coordinator, 'GET', base(r.id))).json().data as ReviewDetail
    expect(after).toMatchObject({ status: 'closed', generatedVersionId: versionId })
    expect(after.abilities).not.toContain('review.generate')

    const html = await send(coordinator, 'GET', base(r.id, '/report?format=html&lang=sr-Cyrl'))
    expect(html.statusCode).toBe(200)
    expect(html.headers['content-type']).toContain('text/html')
    expect(html.body).toContain('Извештај о ревизији индикатора')
    expect(html.body).not.toContain('Ana Anonymous')
    const docx = await send(coordinator, 'GET', base(r.id, '/report?format=docx'))
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-disposition']).toContain('.docx')
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')

    const audit = await auditRowsAfter(t.db, seqBefore)
    const actions = new Set(audit.map((a) => a.action))
    for (const action of [
      'review.created',
      'review.participantAdded',
      'review.consentChanged',
      'review.roundOpened',
      'review.roundClosed',
      'review.responseSaved',
      'review.closed',
      'review.decisionRecorded',
      'review.draftGenerated',
      'frameworkVersion.created',
      'indicator.merged',
      'indicator.deleted',
    ])
      expect(actions, action).toContain(action)
    // Response audit rows name the review and round only: nothing to match with the pseudonymous ratings.
    const saved = audit.filter((a) => a.action === 'review.responseSaved')
    expect(saved).toHaveLength(7)
    for (const row of saved) {
      expect(row).toMatchObject({
        subjectType: 'review',
        subjectId: r.id,
        summary: { after: { round: expect.any(Number) } },
      })
      expect(JSON.stringify(row.summary)).not.toMatch(/IDN|AST|ratings|significance|proposal/)
    }
  })
})

describe('bad input changes nothing', () => {
  it('refuses a rating outside 1-5 with 400 naming the field', async () => {
    const r = await review({ open: true })
    for (const value of [0, 6, 2.5]) {
      const res = await expectNoChange(t.db, () =>
        send(ana, 'PUT', base(r.id, '/my-responses/IDN-1'), { version: 0, ratings: { significance: value } }),
      )
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.ratings.significance' })])
    }
  })

  it('refuses a criterion the review does not rate, a merge without a target and a code not in the version', async () => {
    const r = await review({ open: true, criteria: ['significance', 'feasibility'] })
    const clarity = await expectNoChange(t.db, () =>
      send(ana, 'PUT', base(r.id, '/my-responses/IDN-1'), { version: 0, ratings: { clarity: 3 } }),
    )
    expect(clarity.statusCode).toBe(400)
    expect(clarity.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.ratings.clarity' })])
    const merge = await expectNoChange(t.db, () =>
      send(ana, 'PUT', base(r.id, '/my-responses/IDN-1'), { version: 0, proposal: 'merge' }),
    )
    expect(merge.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.mergeInto' })])
    const elsewhere = await expectNoChange(t.db, () =>
      send(ana, 'PUT', base(r.id, '/my-responses/IDN-1'), { version: 0, proposal: 'merge', mergeInto: 'COR-9' }),
    )
    expect(elsewhere.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.mergeInto' })])
    const move = await expectNoChange(t.db, () =>
      send(ana, 'PUT', base(r.id, '/my-responses/IDN-1'), { version: 0, proposal: 'move', moveTo: 'gardening' }),
    )
    expect(move.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.moveTo' })])
    const missing = await expectNoChange(t.db, () =>
      send(ana, 'PUT', base(r.id, '/my-responses/COR-9'), { version: 0, ratings: { significance: 3 } }),
    )
    expect(missing.statusCode).toBe(404)
  })

  it('refuses a rating after the round closed (409) and a stale version (409)', async () => {
    const r = await review({ open: true })
    await rate(ana, r.id, 'IDN-1', { ratings: { significance: 4 } })
    const stale = await expectNoChange(t.db, () =>
      send(ana, 'PUT', base(r.id, '/my-responses/IDN-1'), { version: 0, ratings: { significance: 5 } }),
    )
    expect(stale.statusCode).toBe(409)
    await step(r.id, 'close-round')
    const late = await expectNoChange(t.db, () =>
      send(ana, 'PUT', base(r.id, '/my-responses/IDN-1'), { version: 1, ratings: { significance: 5 } }),
    )
    expect(late.statusCode).toBe(409)
    expect(late.json().error.message).toContain('Round 1 of this review is closed')
    const before = await review()
    const early = await expectNoChange(t.db, () =>
      send(ana, 'PUT', base(before.id, '/my-responses/IDN-1'), { version: 0, ratings: { significance: 5 } }),
    )
    expect(early.statusCode).toBe(409)
  })

  it('refuses a merge into a dropped (or merged) indicator, naming both codes', async () => {
    const r = await review({ open: true })
    await step(r.id, 'close')
    expect((await decide(r.id, 'AST-2', { decision: 'drop', rationale: 'Unused' })).statusCode).toBe(200)
    const intoDropped = await expectNoChange(t.db, () =>
      decide(r.id, 'AST-1', { decision: 'merge', mergeInto: 'AST-2', rationale: 'Same thing' }),
    )
    expect(intoDropped.statusCode).toBe(409)
    expect(intoDropped.json().error.message).toBe('AST-1 cannot be merged into AST-2: AST-2 is dropped')
    expect(
      (await decide(r.id, 'IDN-3', { decision: 'merge', mergeInto: 'IDN-2', rationale: 'Overlap' })).statusCode,
    ).toBe(200)
    const dropTarget = await expectNoChange(t.db, () => decide(r.id, 'IDN-2', { decision: 'drop', rationale: 'x' }))
    expect(dropTarget.statusCode).toBe(409)
    expect(dropTarget.json().error.message).toBe('IDN-3 cannot be merged into IDN-2: IDN-2 is dropped')
    const chain = await expectNoChange(t.db, () =>
      decide(r.id, 'IDN-2', { decision: 'merge', mergeInto: 'IDN-1', rationale: 'x' }),
    )
    expect(chain.json().error.message).toBe('IDN-3 cannot be merged into IDN-2: IDN-2 is itself merged into IDN-1')
    const self = await expectNoChange(t.db, () =>
      decide(r.id, 'IDN-1', { decision: 'merge', mergeInto: 'IDN-1', rationale: 'x' }),
    )
    expect(self.statusCode).toBe(400)
    const noTitle = await expectNoChange(t.db, () =>
      decide(r.id, 'IDN-1', { decision: 'reword', newTitle: { 'sr-Cyrl': 'Наслов' }, rationale: 'x' }),
    )
    expect(noTitle.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.newTitle.en' })])
  })

  it('refuses to generate while the review is open or decisions are missing (409 listing them)', async () => {
    const r = await review({ open: true })
    const open = await expectNoChange(t.db, () => send(coordinator, 'POST', base(r.id, '/generate'), { label: '2.0' }))
    expect(open.statusCode).toBe(409)
    await step(r.id, 'close')
    await decide(r.id, 'IDN-1', { decision: 'keep' })
    await decide(r.id, 'AST-1', { decision: 'keep' })
    const res = await expectNoChange(t.db, () => send(coordinator, 'POST', base(r.id, '/generate'), { label: '2.0' }))
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details.missing).toEqual(['IDN-2', 'IDN-3', 'AST-2'])
    expect(res.json().error.message).toContain('IDN-2, IDN-3, AST-2')
  })

  it("answers 404 to a participant reading another participant's ratings", async () => {
    const r = await review({ open: true })
    await rate(bojan, r.id, 'IDN-1', { ratings: { significance: 2 } })
    for (const path of ['/ratings', '/results', '/decisions', '/report']) {
      const res = await expectNoChange(t.db, () => send(ana, 'GET', base(r.id, path)))
      expect(res.statusCode, path).toBe(404)
      expect(res.body).not.toContain('Bojan')
    }
  })
})

describe('anonymity on every review route', () => {
  /** Every review route, as a request a participant might try; `own` marks their own work. */
  const ROUTES: Record<string, (id: string, ids: { participant: string }) => { url: string; payload?: object }> = {
    'GET /api/reviews': () => ({ url: '/api/reviews' }),
    'POST /api/reviews': () => ({
      url: '/api/reviews',
      payload: { frameworkVersionId: '01900000-0000-7000-8000-000000000001', title: 'Mine' },
    }),
    'GET /api/reviews/:id': (id) => ({ url: base(id) }),
    'PATCH /api/reviews/:id': (id) => ({ url: base(id), payload: { version: 3, title: 'Taken over' } }),
    'POST /api/reviews/:id/participants': (id) => ({
      url: base(id, '/participants'),
      payload: { userId: outsider.id, countryCode: 'RS', role: 'rapporteur' },
    }),
    'DELETE /api/reviews/:id/participants/:participantId': (id, ids) => ({
      url: base(id, `/participants/${ids.participant}`),
    }),
    'POST /api/reviews/:id/consent': (id) => ({ url: base(id, '/consent'), payload: { named: false } }),
    'POST /api/reviews/:id/open-round': (id) => ({ url: base(id, '/open-round'), payload: { version: 3 } }),
    'POST /api/reviews/:id/close-round': (id) => ({ url: base(id, '/close-round'), payload: { version: 3 } }),
    'POST /api/reviews/:id/close': (id) => ({ url: base(id, '/close'), payload: { version: 3 } }),
    'GET /api/reviews/:id/my-responses': (id) => ({ url: base(id, '/my-responses') }),
    'PUT /api/reviews/:id/my-responses/:code': (id) => ({
      url: base(id, '/my-responses/IDN-2'),
      payload: { version: 0, ratings: { significance: 3 } },
    }),
    'GET /api/reviews/:id/evidence': (id) => ({ url: base(id, '/evidence') }),
    'GET /api/reviews/:id/results': (id) => ({ url: base(id, '/results?round=1') }),
    'GET /api/reviews/:id/ratings': (id) => ({ url: base(id, '/ratings?round=1') }),
    'GET /api/reviews/:id/decisions': (id) => ({ url: base(id, '/decisions') }),
    'PUT /api/reviews/:id/decisions/:code': (id) => ({
      url: base(id, '/decisions/IDN-1'),
      payload: { version: 0, decision: 'keep' },
    }),
    'POST /api/reviews/:id/generate': (id) => ({ url: base(id, '/generate'), payload: { label: '9.9' } }),
    'GET /api/reviews/:id/report': (id) => ({ url: base(id, '/report') }),
  }

  it('lists every review route', () => {
    const registered = t.app.routeList
      .filter((r) => r.url.startsWith('/api/reviews'))
      .map((r) => `${r.method} ${r.url}`)
    expect(registered.sort()).toEqual(Object.keys(ROUTES).sort())
  })

  it("never shows a participant anyone else's ratings, name or identity; coordinators see pseudonyms unless named", async () => {
    const r = await review({ open: true })
    // Bojan's ratings carry a comment nobody else may read; Ana rates too, in round 1 and (after it) round 2.
    const secret = 'A private remark, not for the others'
    await rate(bojan, r.id, 'IDN-1', { ratings: { significance: 1, clarity: 2 }, proposal: 'drop', comment: secret })
    await rate(ana, r.id, 'IDN-1', { ratings: { significance: 5 }, comment: 'Ana wrote this' })
    await step(r.id, 'close-round')
    await step(r.id, 'open-round')
    const detail = (await send(coordinator, 'GET', base(r.id))).json().data as ReviewDetail
    const bojanPart = detail.participants?.find((p) => p.userId === bojan.id)?.id as string
    const forbidden = [secret, 'Bojan Named', bojan.email, bojan.id, bojanPart, outsider.email]

    for (const [key, build] of Object.entries(ROUTES)) {
      const [method] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE']
      const { url, payload } = build(r.id, { participant: bojanPart })
      const res = await send(ana, method, url, payload)
      expect([200, 201, 403, 404], `${key}: ${res.statusCode} ${res.body}`).toContain(res.statusCode)
      for (const text of forbidden) expect(res.body, `${key} shows ${text}`).not.toContain(text)
      // Only the group distribution (counts), never a list of individual ratings.
      expect(res.body, key).not.toMatch(/"participants":\[\{/)
    }
    // Ana's own workspace: her previous rating, the group's counts of round 1 (Bojan's 1 and her 5).
    const mine = (await send(ana, 'GET', base(r.id, '/my-responses'))).json().data as MyResponses
    const idn1 = mine.indicators.find((i) => i.code === 'IDN-1') as MyResponses['indicators'][number]
    expect(idn1.previous).toMatchObject({ ratings: { significance: 5 }, comment: 'Ana wrote this' })
    expect(idn1.group?.criteria[0]?.counts).toEqual([1, 0, 0, 0, 1])
    // Someone who does not take part sees nothing of the review.
    const list = (await send(outsider, 'GET', '/api/reviews')).json().data as ReviewSummary[]
    expect(list.some((x) => x.id === r.id)).toBe(false)
    for (const path of ['', '/my-responses', '/evidence', '/ratings', '/results'])
      expect((await send(outsider, 'GET', base(r.id, path))).statusCode, path).toBe(404)

    // The coordinator sees ratings under pseudonyms; a name only for Bojan once he agrees to be named.
    const hidden = (await send(coordinator, 'GET', base(r.id, '/ratings?round=1'))).json().data as AnonymousRatings
    expect(hidden.participants.map((p) => p.pseudonym).sort()).toEqual([1, 2])
    expect(hidden.participants.every((p) => p.name === null)).toBe(true)
    const raw = JSON.stringify(hidden)
    for (const text of ['Ana Anonymous', 'Bojan Named', ana.id, bojan.id, ana.email]) expect(raw).not.toContain(text)
    expect(hidden.participants.find((p) => p.countryCode === 'AL')?.responses[0]).toMatchObject({
      code: 'IDN-1',
      ratings: { significance: 1, clarity: 2 },
      comment: secret,
    })
    await send(bojan, 'POST', base(r.id, '/consent'), { named: true })
    const named = (await send(coordinator, 'GET', base(r.id, '/ratings?round=1'))).json().data as AnonymousRatings
    expect(named.participants.map((p) => [p.countryCode, p.name]).sort()).toEqual([
      ['AL', 'Bojan Named'],
      ['RS', null],
    ])
    // The pseudonyms stay the same.
    expect(named.participants.map((p) => [p.countryCode, p.pseudonym]).sort()).toEqual(
      hidden.participants.map((p) => [p.countryCode, p.pseudonym]).sort(),
    )
  })
})

describe('evidence beside each indicator', () => {
  it('is empty (nulls and zeros) when no monitoring round used the version; recommendations count by code', async () => {
    const r = await review()
    // A round still in planning gives no evidence, but a recommendation naming IDN-2 counts wherever it was issued.
    const system = { actor: null, requestId: null }
    await withTransaction(t.db, async (trx) => {
      const roundId = await createRound(
        trx,
        system,
        CreateRoundBodySchema.parse({
          name: 'Planned',
          periodFrom: '2026-01-01',
          periodTo: '2026-12-31',
          frameworkVersionId: r.frameworkVersion.id,
          countries: ['RS'],
        }),
      )
      const round = (await loadRound(trx, roundId)) as NonNullable<Awaited<ReturnType<typeof loadRound>>>
      await createRecommendation(trx, system, round, 'RS', {
        text: 'Refer every presumed victim',
        institutions: [],
        areaCodes: [],
        indicatorCodes: ['IDN-2'],
        priority: 'urgent',
        source: 'monitoring',
      })
    })
    const res = await send(ana, 'GET', base(r.id, '/evidence'))
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().data[0]).toEqual({
      code: 'IDN-1',
      rounds: 0,
      listed: 0,
      dataShare: null,
      noDataRate: null,
      scoreSpread: null,
      recommendations: 0,
      discrepancyRate: null,
    })
    expect(res.json().data[1]).toMatchObject({ code: 'IDN-2', rounds: 0, recommendations: 1 })
  })
})
