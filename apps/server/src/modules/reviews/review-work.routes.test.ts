import {
  type AnonymousRatings,
  CreateRoundBodySchema,
  type MyResponses,
  type ReviewDetail,
  type ReviewSummary,
} from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import {
  ana,
  base,
  bojan,
  coordinator,
  outsider,
  rate,
  review,
  send,
  step,
  t,
  useReviewApp,
} from '../../../test/review-harness.ts'
import { withTransaction } from '../../db/transaction.ts'
import { createRecommendation } from '../recommendations/write-recommendation.ts'
import { createRound } from '../rounds/create-round.ts'
import { loadRound } from '../rounds/rounds.queries.ts'

useReviewApp()

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
