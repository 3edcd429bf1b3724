import type { Agreement, Assessment } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import {
  assessingRound,
  complete,
  expert,
  lead,
  save,
  send,
  step,
  t,
  useAssessmentApp,
  work,
} from '../../../test/assessment-harness.ts'
import { auditRowsAfter, expectNoChange, lastAuditSeq } from '../../../test/db-state.ts'
import { asUser } from '../../../test/factories.ts'

useAssessmentApp()

describe('double scoring', () => {
  it('keeps each expert blind to the other until both submitted, while the lead sees both', async () => {
    const round = await assessingRound(['IDN-1'], { options: { doubleScoring: true } })
    const second = await asUser(t.app, 'expert', 'RS')
    await t.db
      .updateTable('assignments')
      .set({ secondExpertId: second.id })
      .where('roundId', '=', round.id)
      .where('indicatorCode', '=', 'IDN-1')
      .execute()
    const scorers = async (cookie: string) =>
      (await work(round, 'IDN-1', cookie)).assessments.map((a: Assessment) => `${a.scorer}:${a.score}`)

    expect((await save(round, 'IDN-1', { version: 0, ...complete(3) })).statusCode).toBe(200)
    const secondSave = await save(round, 'IDN-1', { version: 0, ...complete(1) }, second.cookie, 'second')
    expect(secondSave.statusCode, secondSave.body).toBe(200)
    expect(secondSave.json().data).toMatchObject({ scorer: 'second', expert: { id: second.id }, score: 1 })
    // Neither expert writes the other's assessment.
    expect(
      (await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 1, ...complete(0) }, second.cookie)))
        .statusCode,
    ).toBe(403)
    expect(
      (await expectNoChange(t.db, () => save(round, 'IDN-1', { version: 1, ...complete(0) }, expert.cookie, 'second')))
        .statusCode,
    ).toBe(403)

    expect(await scorers(expert.cookie)).toEqual(['primary:3'])
    expect(await scorers(second.cookie)).toEqual(['second:1'])
    expect(await scorers(lead.cookie)).toEqual(['primary:3', 'second:1'])
    const observer = (await asUser(t.app, 'observer', 'RS')).cookie
    expect(await scorers(observer)).toEqual([])
    expect((await work(round, 'IDN-1', second.cookie)).abilities).toEqual(['assessment.write.second'])

    expect((await step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
    expect(await scorers(expert.cookie)).toEqual(['primary:3'])
    expect(await scorers(second.cookie)).toEqual(['second:1'])
    const secondSubmit = await step(round, 'IDN-1', 'submit', { version: 1 }, second.cookie, '?scorer=second')
    expect(secondSubmit.statusCode, secondSubmit.body).toBe(200)
    expect(await scorers(expert.cookie)).toEqual(['primary:3', 'second:1'])
    expect(await scorers(second.cookie)).toEqual(['primary:3', 'second:1'])
    expect(await scorers(observer)).toEqual(['primary:3', 'second:1'])

    // The lead returns the second score; it is hidden again from the primary expert until resubmitted.
    const returned = await step(
      round,
      'IDN-1',
      'return',
      { version: 2, comment: 'Level 1?' },
      lead.cookie,
      '?scorer=second',
    )
    expect(returned.statusCode, returned.body).toBe(200)
    expect(await scorers(expert.cookie)).toEqual(['primary:3'])
  })

  it('makes the lead settle a disagreement in a recorded step before validating, and reports agreement', async () => {
    const round = await assessingRound(['IDN-1', 'IDN-6'], { manual: ['IDN-6'], options: { doubleScoring: true } })
    const second = await asUser(t.app, 'expert', 'RS')
    await t.db.updateTable('assignments').set({ secondExpertId: second.id }).where('roundId', '=', round.id).execute()
    // IDN-1: 3 and 1 (a disagreement); IDN-6: 2 and 2.
    for (const [code, a, b] of [
      ['IDN-1', 3, 1],
      ['IDN-6', 2, 2],
    ] as const) {
      expect((await save(round, code, { version: 0, ...complete(a) })).statusCode).toBe(200)
      expect((await save(round, code, { version: 0, ...complete(b) }, second.cookie, 'second')).statusCode).toBe(200)
      expect((await step(round, code, 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
      expect((await step(round, code, 'submit', { version: 1 }, second.cookie, '?scorer=second')).statusCode).toBe(200)
    }
    const agreement = (await send('GET', `/api/rounds/${round.id}/countries/RS/agreement`)).json().data as Agreement
    // Two pairs, one equal: 50 % agreement. Kappa on 0-4 with pairs (3,1) and (2,2): weights w = 1 - d²/16;
    // Po = (1 - 4/16 + 1) / 2 = 0.875; marginals a = {3: .5, 2: .5}, b = {1: .5, 2: .5};
    // Pe = .25·(w(3,1) + w(3,2) + w(2,1) + w(2,2)) = .25·(.75 + .9375 + .9375 + 1) = 0.90625; κ = (.875 − .90625) / (1 − .90625) = −1/3.
    expect(agreement.overall).toMatchObject({ n: 2, exactAgreement: 0.5 })
    expect(agreement.overall.kappa).toBeCloseTo(-1 / 3, 10)
    expect(agreement.disagreements).toEqual([{ indicatorCode: 'IDN-1', primary: 3, second: 1, resolved: false }])

    const blocked = await expectNoChange(t.db, () => step(round, 'IDN-1', 'validate', { version: 2 }))
    expect(blocked.statusCode).toBe(409)
    expect(
      (
        await expectNoChange(t.db, () =>
          step(round, 'IDN-1', 'resolve', { version: 2, score: 2, note: 'x' }, expert.cookie),
        )
      ).statusCode,
    ).toBe(403)
    expect(
      (await expectNoChange(t.db, () => step(round, 'IDN-1', 'resolve', { version: 2, score: 7, note: 'x' })))
        .statusCode,
    ).toBe(400)
    const before = await lastAuditSeq(t.db)
    const settled = await step(round, 'IDN-1', 'resolve', {
      version: 2,
      score: 2,
      note: 'SOPs exist but are not applied everywhere',
    })
    expect(settled.statusCode, settled.body).toBe(200)
    expect(settled.json().data).toMatchObject({
      score: 2,
      normalisedScore: 50,
      scoringResolution: 'SOPs exist but are not applied everywhere',
    })
    expect((await auditRowsAfter(t.db, before)).map((r) => r.action)).toEqual(['assessment.scoresResolved'])
    expect((await step(round, 'IDN-1', 'validate', { version: 3 })).statusCode).toBe(200)
    const after = (await send('GET', `/api/rounds/${round.id}/countries/RS/agreement`)).json().data as Agreement
    expect(after.disagreements).toEqual([{ indicatorCode: 'IDN-1', primary: 3, second: 1, resolved: true }])
  })

  it('drops a settled score when one of the two scores is returned, so the lead settles again', async () => {
    const round = await assessingRound(['IDN-1'], { options: { doubleScoring: true } })
    const second = await asUser(t.app, 'expert', 'RS')
    await t.db.updateTable('assignments').set({ secondExpertId: second.id }).where('roundId', '=', round.id).execute()
    await save(round, 'IDN-1', { version: 0, ...complete(3) })
    await save(round, 'IDN-1', { version: 0, ...complete(1) }, second.cookie, 'second')
    await step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie)
    await step(round, 'IDN-1', 'submit', { version: 1 }, second.cookie, '?scorer=second')
    expect((await step(round, 'IDN-1', 'resolve', { version: 2, score: 2, note: 'Middle ground' })).statusCode).toBe(
      200,
    )
    const returned = await step(
      round,
      'IDN-1',
      'return',
      { version: 2, comment: 'Check again' },
      lead.cookie,
      '?scorer=second',
    )
    expect(returned.statusCode, returned.body).toBe(200)
    const primary = (await work(round, 'IDN-1')).assessments.find((a: Assessment) => a.scorer === 'primary')
    expect(primary).toMatchObject({ score: 3, scoringResolution: null, status: 'submitted' })
  })
})
