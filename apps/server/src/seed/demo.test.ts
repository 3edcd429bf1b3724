import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { seedDemo } from './demo.ts'
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
})
