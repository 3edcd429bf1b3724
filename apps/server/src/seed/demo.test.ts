import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { loadVersion } from '../modules/frameworks/frameworks.queries.ts'
import { decisionsOverview } from '../modules/reviews/decisions.ts'
import { reviewEvidence } from '../modules/reviews/evidence.ts'
import { computeResults } from '../modules/reviews/results.ts'
import { loadDecisions, loadReview } from '../modules/reviews/reviews.queries.ts'
import { seedDemo } from './demo.ts'
import { DEMO_ACCOUNTS } from './demo-accounts.ts'
import { DEMO_REVIEW_DRAFT_LABEL } from './demo-review.ts'
import { seedDefaultHandbook } from './handbook.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await seedDefaultHandbook(t.db)
  expect(await seedDemo(t.db)).toBe(true)
})
afterAll(() => t.close())

describe('the demo seed', () => {
  it('runs once', async () => {
    expect(await seedDemo(t.db)).toBe(false)
  })

  it('has three past yearly rounds, the 2025 one on labour exploitation, and an open 2026 round in collection', async () => {
    const rounds = await t.db
      .selectFrom('rounds')
      .select(['name', 'periodTo', 'focusTopic', 'status'])
      .orderBy('periodTo')
      .execute()
    expect(rounds.map((r) => [r.periodTo.slice(0, 4), r.status])).toEqual([
      ['2023', 'published'],
      ['2024', 'published'],
      ['2025', 'published'],
      ['2026', 'collecting'],
    ])
    expect(rounds[2]?.focusTopic).toBe('labour_exploitation')
    expect(rounds.every((r) => r.name.includes('(demo)'))).toBe(true)
  })

  it('answers and assesses every indicator of the past rounds from two sources in all six countries, with breakdowns that add up', async () => {
    const past = await t.db.selectFrom('rounds').select('id').where('status', '=', 'published').execute()
    for (const { id } of past) {
      const lists = await t.db
        .selectFrom('roundIndicators')
        .select(['countryCode', 'indicatorCode'])
        .where('roundId', '=', id)
        .execute()
      expect(new Set(lists.map((l) => l.countryCode)).size).toBe(6)
      const answers = await t.db
        .selectFrom('answers')
        .select(['countryCode', 'indicatorCode', 'organisationId', 'status'])
        .where('roundId', '=', id)
        .execute()
      expect(answers).toHaveLength(lists.length * 2)
      // Past rounds are published: every answer is validated, and every indicator has a validated assessment.
      expect(answers.every((a) => a.status === 'validated')).toBe(true)
      const assessments = await t.db
        .selectFrom('assessments')
        .select(['status', 'justification'])
        .where('roundId', '=', id)
        .execute()
      expect(assessments).toHaveLength(lists.length)
      expect(assessments.every((a) => a.status === 'validated' && a.justification?.includes('Demo data'))).toBe(true)
    }
    const identified = await t.db
      .selectFrom('answerCells')
      .select(['answerId', 'cellKey', 'value'])
      .where('cellKey', 'like', '%victim_status=identified%')
      .execute()
    const byAnswer = new Map<string, { total: number; sex: number }>()
    for (const c of identified) {
      const entry = byAnswer.get(c.answerId) ?? { total: 0, sex: 0 }
      if (c.cellKey === 'victim_status=identified') entry.total = c.value
      else if (c.cellKey.startsWith('sex=')) entry.sex += c.value
      byAnswer.set(c.answerId, entry)
    }
    expect(byAnswer.size).toBeGreaterThan(0)
    for (const entry of byAnswer.values()) expect(entry.sex).toBe(entry.total)
  })

  it('leaves the 2026 round partly done, with assignments and some work late', async () => {
    const open = await t.db
      .selectFrom('rounds')
      .select('id')
      .where('status', '=', 'collecting')
      .executeTakeFirstOrThrow()
    const listed = await t.db
      .selectFrom('roundIndicators')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('roundId', '=', open.id)
      .executeTakeFirstOrThrow()
    const assigned = await t.db
      .selectFrom('assignments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('roundId', '=', open.id)
      .executeTakeFirstOrThrow()
    expect(Number(assigned.n)).toBe(Number(listed.n))
    const statuses = await t.db.selectFrom('answers').select('status').where('roundId', '=', open.id).execute()
    expect(statuses.some((s) => s.status === 'draft')).toBe(true)
    expect(statuses.some((s) => s.status === 'submitted')).toBe(true)
    expect(statuses.length).toBeLessThan(Number(listed.n) * 2)
  })

  it('has a finished indicator review: six countries, two closed rounds, every indicator decided, a draft made', async () => {
    const row = await t.db.selectFrom('reviews').select('id').executeTakeFirstOrThrow()
    const review = (await loadReview(t.db, row.id)) as NonNullable<Awaited<ReturnType<typeof loadReview>>>
    expect(review.status).toBe('closed')
    expect(review.rounds.map((r) => [r.number, Boolean(r.closedAt)])).toEqual([
      [1, true],
      [2, true],
    ])
    expect(new Set(review.participants.map((p) => p.countryCode))).toEqual(
      new Set(['AL', 'BA', 'XK', 'ME', 'MK', 'RS']),
    )
    expect(review.participants.map((p) => p.pseudonym).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      review.participants.map((_, i) => i + 1),
    )
    // Demo reviewers exist for the countries without demo accounts, but the sign-in page lists only the accounts.
    const shown = new Set(DEMO_ACCOUNTS.map((a) => a.email))
    const reviewers = review.participants.filter((p) => !shown.has(p.email))
    expect(reviewers).toHaveLength(8)
    const version = await loadVersion(t.db, review.row.frameworkVersionId)
    const overview = decisionsOverview(version, await loadDecisions(t.db, review.row.id))
    expect(overview.summary.missing).toEqual([])
    expect(overview.summary.remaining).toBeLessThan(overview.summary.total)
    expect(overview.summary.coreAfter).toBeLessThan(overview.summary.coreBefore)
    const draft = await loadVersion(t.db, review.row.generatedVersionId as string)
    expect(draft.row).toMatchObject({ status: 'draft', label: DEMO_REVIEW_DRAFT_LABEL, basedOnId: version.row.id })
    expect(draft.indicators).toHaveLength(overview.summary.remaining)
    expect(draft.indicators.filter((i) => i.lineage.type === 'merged').length).toBeGreaterThan(0)

    // Round 2 converged: more indicators reach consensus on significance than in round 1.
    const consensus = async (round: number) =>
      (await computeResults(t.db, review, version, round)).indicators.filter((i) => i.overall[0]?.consensus).length
    expect(await consensus(2)).toBeGreaterThan(await consensus(1))
    // Evidence comes from the demo monitoring rounds.
    const evidence = await reviewEvidence(t.db, version)
    const idn1 = evidence.find((e) => e.code === 'IDN-1')
    expect(idn1?.rounds).toBe(3)
    expect(idn1?.dataShare).toBeGreaterThan(0)
    expect(idn1?.scoreSpread).not.toBeNull()
    expect(evidence.some((e) => (e.discrepancyRate ?? 0) > 0)).toBe(true)
  })
})
