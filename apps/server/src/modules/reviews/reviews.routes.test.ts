import type {
  DecisionsOverview,
  MyResponses,
  ReviewDetail,
  ReviewResults,
  VersionDetail,
  VersionDiff,
} from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import {
  ana,
  base,
  bojan,
  coordinator,
  decide,
  rate,
  review,
  send,
  step,
  t,
  useReviewApp,
} from '../../../test/review-harness.ts'

useReviewApp()

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
