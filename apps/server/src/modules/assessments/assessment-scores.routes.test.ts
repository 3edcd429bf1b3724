import type { AreaScores } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import {
  assessAndValidate,
  assessingRound,
  complete,
  expert,
  gov,
  govProvider,
  indicatorUrl,
  ngo,
  pathsOf,
  provide,
  save,
  scoresUrl,
  send,
  step,
  t,
  useAssessmentApp,
  victims,
  work,
} from '../../../test/assessment-harness.ts'
import { expectNoChange } from '../../../test/db-state.ts'
import { frameworkDoc, indicator } from '../../../test/framework-fixture.ts'
import { withTransaction } from '../../db/transaction.ts'
import { importFrameworkDoc } from '../frameworks/import-framework.ts'
import { publishVersion } from '../frameworks/publish-version.ts'

useAssessmentApp()

describe('discrepancies between sources', () => {
  it('shows different levels, and wants a resolution before submission', async () => {
    const round = await assessingRound(['IDN-1'])
    const a = await provide(round, 'IDN-1', ngo, { value: { choice: '3' } })
    // A draft does not count yet.
    await send(
      'PUT',
      `${indicatorUrl(round, 'IDN-1')}/answers/${gov.id}`,
      { version: 0, value: { choice: '1' } },
      govProvider,
    )
    expect((await work(round, 'IDN-1')).discrepancy.kind).toBe('none')
    await send('POST', `${indicatorUrl(round, 'IDN-1')}/answers/${gov.id}/submit`, { version: 1 }, govProvider)
    const seen = await work(round, 'IDN-1', expert.cookie)
    expect(seen.discrepancy).toEqual({ kind: 'levels', spread: null, answerIds: expect.arrayContaining([a.id]) })
    expect(seen.discrepancy.answerIds).toHaveLength(2)

    expect((await save(round, 'IDN-1', { version: 0, ...complete(2) })).statusCode).toBe(200)
    const refused = await expectNoChange(t.db, () => step(round, 'IDN-1', 'submit', { version: 1 }, expert.cookie))
    expect(refused.statusCode).toBe(400)
    expect(pathsOf(refused)).toEqual(['body.discrepancyResolution'])
    const resolution = 'The ministry counts only binding SOPs; the NGO sees them applied in practice'
    expect(
      (await save(round, 'IDN-1', { version: 1, ...complete(2), discrepancyResolution: resolution })).statusCode,
    ).toBe(200)
    const submitted = await step(round, 'IDN-1', 'submit', { version: 2 }, expert.cookie)
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(submitted.json().data).toMatchObject({ status: 'submitted', discrepancyResolution: resolution })
  })

  it('compares figures per victim status against the round share', async () => {
    const round = await assessingRound(['IDN-4'])
    await provide(round, 'IDN-4', ngo, { cells: victims(100, 20) })
    await provide(round, 'IDN-4', gov, { cells: victims(95, 20) })
    // 5 % apart on identified victims, presumed equal: within the 10 % share.
    expect((await work(round, 'IDN-4')).discrepancy.kind).toBe('none')

    const wider = await assessingRound(['IDN-4'])
    const a = await provide(wider, 'IDN-4', ngo, { cells: victims(100, 20) })
    const b = await provide(wider, 'IDN-4', gov, { cells: victims(100, 25) })
    // Presumed victims 20 and 25: (25 - 20) / 25 = 20 %.
    const found = (await work(wider, 'IDN-4')).discrepancy
    expect(found).toMatchObject({ kind: 'values', spread: 0.2 })
    expect([...found.answerIds].sort()).toEqual([a.id, b.id].sort())
    const body = { version: 0, value: { number: 100 }, justification: 'Registry figures', confidence: 'medium' }
    expect((await save(wider, 'IDN-4', body)).statusCode).toBe(200)
    const refused = await expectNoChange(t.db, () => step(wider, 'IDN-4', 'submit', { version: 1 }, expert.cookie))
    expect(pathsOf(refused)).toEqual(['body.discrepancyResolution'])
    const resolved = { ...body, version: 1, discrepancyResolution: 'The NGO counts persons it did not refer' }
    expect((await save(wider, 'IDN-4', resolved)).statusCode).toBe(200)
    expect((await step(wider, 'IDN-4', 'submit', { version: 2 }, expert.cookie)).statusCode).toBe(200)
  })

  it('takes the share from the round options', async () => {
    const round = await assessingRound(['IDN-4'], { options: { discrepancyShare: 0.25 } })
    await provide(round, 'IDN-4', ngo, { cells: victims(100, 20) })
    await provide(round, 'IDN-4', gov, { cells: victims(100, 25) })
    expect((await work(round, 'IDN-4')).discrepancy.kind).toBe('none')
  })
})

describe('area scores', () => {
  it('weights validated scores, previews submitted ones, and caps the area at a red flag', async () => {
    // Identification (IDN) in this list: IDN-1 (rubric, weight 1), IDN-2 (yes/partial/no, weight 2, red flag),
    // IDN-3 and IDN-4 (counts without target bands: never scored), IDN-6 (rubric, weight 1),
    // IDN-8 (yes/partial/no, weight 1, red flag).
    const codes = ['IDN-1', 'IDN-2', 'IDN-6', 'IDN-8']
    const round = await assessingRound(codes, { manual: ['IDN-2', 'IDN-6'] })
    const empty = (await send('GET', scoresUrl(round))).json().data as AreaScores
    expect(empty.method).toEqual({ redFlagCeiling: 40 })
    expect(empty.areas.find((a) => a.area === 'IDN')).toMatchObject({
      total: 6,
      validated: 0,
      score: null,
      provisionalScore: null,
      scoredCount: 0,
      excludedCount: 4,
      notScoredCount: 2,
    })

    await assessAndValidate(round, 'IDN-1', 3) // 75
    await assessAndValidate(round, 'IDN-2', 2) // yes: 100, weight 2
    await assessAndValidate(round, 'IDN-6', 1) // 25
    // (1 x 75 + 2 x 100 + 1 x 25) / (1 + 2 + 1) = 300 / 4 = 75; IDN-8 is not assessed yet: excluded, not 0.
    const scored = (await send('GET', scoresUrl(round), undefined, expert.cookie)).json().data as AreaScores
    expect(scored.areas.find((a) => a.area === 'IDN')).toEqual({
      area: 'IDN',
      total: 6,
      validated: 3,
      submitted: 0,
      score: 75,
      uncappedScore: 75,
      // The provisional score (with submitted, possibly blind scores) is the country lead's preview only.
      provisionalScore: null,
      scoredCount: 3,
      excludedCount: 1,
      notScoredCount: 2,
      cappedBy: [],
    })

    // IDN-8 submitted at "no", its worst level: (300 + 1 x 0) / 5 = 60, capped at 40, but only provisionally.
    expect((await save(round, 'IDN-8', { version: 0, ...complete(0) })).statusCode).toBe(200)
    expect((await step(round, 'IDN-8', 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
    const preview = (await send('GET', scoresUrl(round))).json().data as AreaScores
    expect(preview.areas.find((a) => a.area === 'IDN')).toMatchObject({
      submitted: 1,
      score: 75,
      provisionalScore: 40,
      cappedBy: [],
    })

    expect((await step(round, 'IDN-8', 'validate', { version: 2 })).statusCode).toBe(200)
    const capped = (await send('GET', scoresUrl(round))).json().data as AreaScores
    expect(capped.areas.find((a) => a.area === 'IDN')).toMatchObject({
      validated: 4,
      score: 40,
      uncappedScore: 60,
      provisionalScore: 40,
      scoredCount: 4,
      excludedCount: 0,
      cappedBy: ['IDN-8'],
    })
    // Areas nobody assessed have no score.
    expect(capped.areas.find((a) => a.area === 'COR')).toMatchObject({ score: null, validated: 0 })
  })

  it('caps at the ceiling the round sets', async () => {
    const round = await assessingRound(['IDN-1', 'IDN-8'], { options: { redFlagCeiling: 20 } })
    await assessAndValidate(round, 'IDN-1', 4) // 100
    await assessAndValidate(round, 'IDN-8', 0) // 0, red flag: (100 + 0) / 2 = 50, capped at 20
    const scores = (await send('GET', scoresUrl(round))).json().data as AreaScores
    expect(scores.method.redFlagCeiling).toBe(20)
    expect(scores.areas.find((a) => a.area === 'IDN')).toMatchObject({ score: 20, uncappedScore: 50 })
  })
})

describe('indicators scored from their value', () => {
  it('derives the score from the target bands and refuses values no band can hold', async () => {
    // IDN-1 counts convictions (none 0, 1-9 50, 10 or more 100); IDN-2 is a percentage (below half 0, else 100).
    const doc = frameworkDoc({
      framework: { code: 'BANDS', name: { en: 'Banded' }, baseLocale: 'en' },
      indicators: [
        indicator('IDN-1', {
          core: true,
          measurement: {
            type: 'count',
            targetBands: [
              { from: 0, to: 1, score: 0 },
              { from: 1, to: 10, score: 50 },
              { from: 10, to: 1e9, score: 100 },
            ],
          },
        }),
        indicator('IDN-2', {
          core: true,
          measurement: {
            type: 'percentage',
            targetBands: [
              { from: 0, to: 50, score: 0 },
              { from: 50, to: 101, score: 100 },
            ],
          },
        }),
      ],
    })
    const banded = await withTransaction(t.db, async (trx) => {
      const id = await importFrameworkDoc(trx, { actor: null, requestId: null }, doc)
      await publishVersion(trx, { actor: null, requestId: null }, id, 1)
      return id
    })
    const round = await assessingRound(['IDN-1', 'IDN-2'], { frameworkVersionId: banded })
    const justified = { justification: 'Court statistics', confidence: 'high' }
    for (const [code, value, path] of [
      ['IDN-1', { number: -1 }, 'body.value.number'],
      ['IDN-1', { number: 2.5 }, 'body.value.number'],
      ['IDN-2', { numerator: 12, denominator: 10 }, 'body.value.numerator'],
      ['IDN-2', { numerator: null, denominator: -10 }, 'body.value.denominator'],
    ] as const) {
      const res = await expectNoChange(t.db, () => save(round, code, { version: 0, value, ...justified }))
      expect(res.statusCode, `${code} ${JSON.stringify(value)}`).toBe(400)
      expect(pathsOf(res)).toEqual([path])
    }
    const byHand = await expectNoChange(t.db, () =>
      save(round, 'IDN-1', { version: 0, value: { number: 12 }, score: 4, ...justified }),
    )
    expect(pathsOf(byHand)).toEqual(['body.score'])

    const count = await save(round, 'IDN-1', { version: 0, value: { number: 12 }, ...justified })
    expect(count.statusCode, count.body).toBe(200)
    expect(count.json().data).toMatchObject({ score: null, normalisedScore: 100 })
    const share = await save(round, 'IDN-2', { version: 0, value: { numerator: 3, denominator: 10 }, ...justified })
    expect(share.json().data).toMatchObject({ score: null, normalisedScore: 0 })
    for (const code of ['IDN-1', 'IDN-2']) {
      // No evidence needed: the figure is the evidence's summary, and its sources are the answers.
      expect((await step(round, code, 'submit', { version: 1 }, expert.cookie)).statusCode).toBe(200)
      expect((await step(round, code, 'validate', { version: 2 })).statusCode).toBe(200)
    }
    // (1 x 100 + 1 x 0) / 2 = 50
    const scores = (await send('GET', scoresUrl(round))).json().data as AreaScores
    expect(scores.areas.find((a) => a.area === 'IDN')).toMatchObject({ score: 50, scoredCount: 2 })
  })
})
