import { describe, expect, it } from 'vitest'
import {
  assessAndValidate,
  assessingRound,
  complete,
  coordinator,
  expert,
  lead,
  ngo,
  ngoProvider,
  pathsOf,
  provide,
  save,
  send,
  step,
  t,
  useAssessmentApp,
  work,
} from '../../../test/assessment-harness.ts'
import { expectNoChange } from '../../../test/db-state.ts'
import { addMembership, asUser, buildUser, login } from '../../../test/factories.ts'

useAssessmentApp()

describe('bad input', () => {
  it.each([
    ['a justification', { justification: null }, ['body.justification']],
    ['evidence', { evidence: [] }, ['body.evidence']],
    ['a confidence', { confidence: null }, ['body.confidence']],
    ['a score', { score: null }, ['body.score']],
    [
      'anything',
      { score: null, justification: null, confidence: null, evidence: [] },
      ['body.justification', 'body.confidence', 'body.score', 'body.evidence'],
    ],
  ])('refuses to submit without %s, naming the field, and changes nothing', async (_name, missing, paths) => {
    const round = await assessingRound(['IDN-1'])
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3), ...missing })).statusCode).toBe(200)
    const res = await expectNoChange(t.db, () => step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('validation_failed')
    expect(pathsOf(res)).toEqual(paths)
  })

  it('asks for the reason when there is no data, and then needs no score or evidence', async () => {
    const round = await assessingRound(['IDN-1'])
    const body = { version: 0, noData: true, justification: 'Nobody could tell', confidence: 'low' }
    expect((await save(round, 'IDN-1', body)).statusCode).toBe(200)
    const res = await expectNoChange(t.db, () => step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie))
    expect(pathsOf(res)).toEqual(['body.noDataReason'])
    expect(
      (await save(round, 'IDN-1', { ...body, version: 1, noDataReason: 'No institution keeps it' })).statusCode,
    ).toBe(200)
    expect((await step(round, 'IDN-1', 'submit', { version: 2 }, expert.cookie)).statusCode).toBe(200)
  })

  it.each([
    ['5 on a rubric', 'IDN-1', 5],
    ['2.5 on a rubric', 'IDN-1', 2.5],
    ['-1 on a rubric', 'IDN-1', -1],
    ['3 on yes/partial/no', 'IDN-8', 3],
    ['any score on a count, which is not scored by hand', 'IDN-4', 1],
  ])('refuses %s with body.score and changes nothing', async (_name, code, score) => {
    const round = await assessingRound([code])
    const res = await expectNoChange(t.db, () => save(round, code, { version: 0, ...complete(score) }))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('validation_failed')
    expect(pathsOf(res)).toEqual(['body.score'])
  })

  it('refuses sources and evidence of another indicator', async () => {
    const round = await assessingRound(['IDN-1', 'IDN-8'])
    const other = await provide(round, 'IDN-8', ngo, {
      value: { choice: 'yes' },
      evidence: [{ kind: 'link', title: 'Report', url: 'https://example.org/r.pdf' }],
    })
    const res = await expectNoChange(t.db, () =>
      save(round, 'IDN-1', {
        version: 0,
        ...complete(3),
        sourceAnswerIds: [other.id],
        answerEvidenceIds: [other.evidence[0]?.id],
      }),
    )
    expect(res.statusCode).toBe(400)
    expect(pathsOf(res)).toEqual(['body.sourceAnswerIds[0]', 'body.answerEvidenceIds[0]'])
  })

  it('refuses validation by whoever submitted the assessment or is its expert (four eyes)', async () => {
    const round = await assessingRound(['IDN-1', 'IDN-6'], { manual: ['IDN-6'] })
    // The lead stands in for the expert and submits: another lead must validate.
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) }, lead.cookie)).statusCode).toBe(200)
    expect((await step(round, 'IDN-1', 'submit', { version: 1 }, lead.cookie)).statusCode).toBe(200)
    expect((await work(round, 'IDN-1', lead.cookie)).abilities).not.toContain('assessment.validate')
    const own = await expectNoChange(t.db, () => step(round, 'IDN-1', 'validate', { version: 2 }))
    expect(own.statusCode).toBe(403)
    expect(own.json().error).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('another country lead'),
    })
    // The expert is no lead at all.
    expect(
      (await expectNoChange(t.db, () => step(round, 'IDN-1', 'validate', { version: 2 }, expert.cookie))).statusCode,
    ).toBe(403)
    const otherLead = await asUser(t.app, 'country_lead', 'RS')
    expect((await step(round, 'IDN-1', 'validate', { version: 2 }, otherLead.cookie)).statusCode).toBe(200)

    // A lead who is also the indicator's expert does not validate it, even when another lead submitted it.
    const both = await buildUser(t.db, { role: 'country_lead', countryCode: 'RS' })
    await addMembership(t.db, both.id, { role: 'expert', countryCode: 'RS' })
    const bothCookie = await login(t.app, both.email)
    const assigned = await send('PUT', `/api/rounds/${round.id}/countries/RS/assignments/IDN-6`, {
      version: 1,
      expertId: both.id,
      providers: [],
      dueOn: null,
    })
    expect(assigned.statusCode, assigned.body).toBe(200)
    expect((await save(round, 'IDN-6', { version: 0, ...complete(2) }, bothCookie)).statusCode).toBe(200)
    expect((await step(round, 'IDN-6', 'submit', { version: 1 }, otherLead.cookie)).statusCode).toBe(200)
    const mine = await expectNoChange(t.db, () => step(round, 'IDN-6', 'validate', { version: 2 }, bothCookie))
    expect(mine.statusCode).toBe(403)
    expect((await step(round, 'IDN-6', 'validate', { version: 2 }, lead.cookie)).statusCode).toBe(200)
  })

  it('refuses every write to an assessment of a country the user cannot see, with 404', async () => {
    const round = await assessingRound(['IDN-1'])
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) })).statusCode).toBe(200)
    const albanian = await asUser(t.app, 'country_lead', 'AL')
    const albanianExpert = await asUser(t.app, 'expert', 'AL')
    const requests = [
      () => save(round, 'IDN-1', { version: 1, ...complete(1) }, albanianExpert.cookie),
      () => save(round, 'IDN-1', { version: 1, ...complete(1) }, albanian.cookie),
      () => step(round, 'IDN-1', 'submit', { version: 1 }, albanian.cookie),
      () => step(round, 'IDN-1', 'return', { version: 1, comment: 'No' }, albanian.cookie),
      () => step(round, 'IDN-1', 'validate', { version: 1 }, albanian.cookie),
      () => step(round, 'IDN-1', 'unlock', { version: 1, reason: 'No' }, albanian.cookie),
      () => save(round, 'IDN-1', { version: 1, ...complete(1) }, ngoProvider),
    ]
    for (const request of requests) {
      const res = await expectNoChange(t.db, request)
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('not_found')
    }
  })

  it('refuses writes by people of the country who are not its expert or lead, with 403', async () => {
    const round = await assessingRound(['IDN-1'])
    const otherExpert = await asUser(t.app, 'expert', 'RS')
    const observer = await asUser(t.app, 'observer', 'RS')
    for (const cookie of [otherExpert.cookie, observer.cookie, coordinator]) {
      const res = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 0, ...complete(3) }, cookie))
      expect(res.statusCode).toBe(403)
    }
  })

  it('refuses a stale version with 409 conflict and keeps the newer text', async () => {
    const round = await assessingRound(['IDN-1'])
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) })).statusCode).toBe(200)
    const again = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 0, ...complete(1) }, lead.cookie))
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('conflict')
    const late = await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 2, ...complete(1) }))
    expect(late.statusCode).toBe(409)
    const submit = await expectNoChange(t.db, () => step(round, 'IDN-1', 'submit', { version: 2 }, expert.cookie))
    expect(submit.json().error.code).toBe('conflict')
    expect((await step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
    const validate = await expectNoChange(t.db, () => step(round, 'IDN-1', 'validate', { version: 1 }))
    expect(validate.json().error.code).toBe('conflict')
    expect((await work(round, 'IDN-1')).assessments.map((a) => a.score)).toEqual([3])
  })

  it('refuses steps out of order with 409 invalid_state, and steps on nothing with 404', async () => {
    const round = await assessingRound(['IDN-1'])
    const missing = await expectNoChange(t.db, () => step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie))
    expect(missing.statusCode).toBe(404)
    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) })).statusCode).toBe(200)
    for (const [action, body] of [
      ['return', { version: 1, comment: 'Too early' }],
      ['validate', { version: 1 }],
      ['unlock', { version: 1, reason: 'Not validated' }],
    ] as const) {
      const res = await expectNoChange(t.db, () => step(round, 'IDN-1', action, body))
      expect(res.statusCode, action).toBe(409)
      expect(res.json().error).toMatchObject({ code: 'invalid_state', details: { status: 'draft' } })
    }
    const second = await expectNoChange(t.db, () =>
      save(round, 'IDN-1', { version: 1, ...complete(3) }, expert.cookie, 'second'),
    )
    expect(second.statusCode).toBe(404)
  })

  it('refuses any write while the round is in planning or published', async () => {
    const planning = await assessingRound(['IDN-1'], { planning: true })
    const early = await expectNoChange(t.db, () => save(planning, 'IDN-1', { version: 0, ...complete(3) }))
    expect(early.statusCode).toBe(409)
    expect(early.json().error.code).toBe('invalid_state')

    const round = await assessingRound(['IDN-1'])
    // In review, assessment goes on.
    const reviewing = await send(
      'POST',
      `/api/rounds/${round.id}/transition`,
      { to: 'reviewing', version: 2 },
      coordinator,
    )
    expect(reviewing.statusCode, reviewing.body).toBe(200)
    await assessAndValidate(round, 'IDN-1', 3)
    // Publishing needs every listed indicator answered; the state is what matters here.
    await t.db.updateTable('rounds').set({ status: 'published' }).where('id', '=', round.id).execute()
    for (const request of [
      () => save(round, 'IDN-1', { version: 3, ...complete(1) }),
      () => step(round, 'IDN-1', 'unlock', { version: 3, reason: 'Typo' }),
      () => step(round, 'IDN-1', 'submit', { version: 3 }, expert.cookie),
      () => step(round, 'IDN-1', 'return', { version: 3, comment: 'Late' }),
    ]) {
      const res = await expectNoChange(t.db, request)
      expect(res.statusCode).toBe(409)
      expect(res.json().error.code).toBe('invalid_state')
    }
    // Reading stays open.
    expect((await work(round, 'IDN-1')).assessments[0]?.status).toBe('validated')
  })
})
