import { checkAnswer, type IndicatorDoc } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { emptyDraft, toSaveBody } from './answer-draft.ts'
import { breakdownLayout, categoryKey, statusTotalKey, tableSums, withCell } from './disaggregation.ts'

type Ind = Pick<IndicatorDoc, 'measurement' | 'disaggregations' | 'customDimensions'>

const victims: Ind = {
  measurement: { type: 'count' },
  disaggregations: ['sex', 'age_group', 'victim_status'],
  customDimensions: [],
}
const referrals: Ind = {
  measurement: { type: 'count' },
  disaggregations: ['sex'],
  customDimensions: [
    {
      code: 'body',
      label: { en: 'Referring body' },
      categories: [
        { code: 'police', label: { en: 'Police' } },
        { code: 'ngo', label: { en: 'NGO' } },
      ],
    },
  ],
}

/** Whether the shared check (the server's rule) flags a parts mismatch for these cells. */
const sharedMismatch = (ind: Ind, cells: Record<string, number>, number: number | null = null) =>
  checkAnswer(
    ind,
    { ...toSaveBody({ ...emptyDraft(), cells, number }, 0) },
    {
      complete: false,
      previous: null,
      changeThreshold: 0.5,
    },
  ).some((c) => c.code === 'parts.mismatch')

describe('breakdownLayout', () => {
  it('makes one table per dimension and victim status, in order', () => {
    const layout = breakdownLayout(victims)
    expect(layout.statuses).toEqual(['identified', 'presumed'])
    expect(layout.tables.map((t) => t.id)).toEqual([
      'identified/sex',
      'identified/age_group',
      'presumed/sex',
      'presumed/age_group',
    ])
    expect(layout.tables[1]?.categories).toContain('unknown')
  })
  it('makes one table per dimension, custom ones included, without victim status', () => {
    const layout = breakdownLayout(referrals)
    expect(layout.statuses).toBeNull()
    expect(layout.tables.map((t) => t.id)).toEqual(['sex', 'body'])
  })
})

describe('tableSums', () => {
  const sex = breakdownLayout(victims).tables[0]!
  const total = statusTotalKey('identified')
  const cell = (c: string) => categoryKey(sex, c)

  it('keys cells with dimensions in alphabetical order', () => {
    expect(cell('female')).toBe('sex=female;victim_status=identified')
    expect(total).toBe('victim_status=identified')
  })

  it('flags a full breakdown that does not add up, like the shared check', () => {
    const cells = { [total]: 10, [cell('female')]: 3, [cell('male')]: 4, [cell('other_unknown')]: 0 }
    expect(tableSums(sex, cells, null)).toEqual({ sum: 7, filled: 3, total: 10, mismatch: true })
    expect(sharedMismatch(victims, cells)).toBe(true)
  })

  it('accepts a full breakdown that adds up, and a partial one below the total', () => {
    const full = { [total]: 10, [cell('female')]: 6, [cell('male')]: 4, [cell('other_unknown')]: 0 }
    expect(tableSums(sex, full, null).mismatch).toBe(false)
    expect(sharedMismatch(victims, full)).toBe(false)
    const partial = { [total]: 10, [cell('female')]: 6 }
    expect(tableSums(sex, partial, null)).toMatchObject({ sum: 6, filled: 1, mismatch: false })
    expect(sharedMismatch(victims, partial)).toBe(false)
  })

  it('flags parts above the total even when some are missing', () => {
    const over = { [total]: 5, [cell('female')]: 6 }
    expect(tableSums(sex, over, null).mismatch).toBe(true)
    expect(sharedMismatch(victims, over)).toBe(true)
  })

  it('uses the answer number as the total without victim status, and has no total otherwise', () => {
    const table = breakdownLayout(referrals).tables[1]!
    const cells = { 'body=police': 2, 'body=ngo': 2 }
    expect(tableSums(table, cells, 5)).toMatchObject({ sum: 4, total: 5, mismatch: true })
    expect(sharedMismatch(referrals, cells, 5)).toBe(true)
    expect(tableSums(table, cells, null)).toMatchObject({ total: null, mismatch: false })
  })

  it('sets and clears cells without changing the original', () => {
    const cells = { a: 1 }
    expect(withCell(cells, 'b', 2)).toEqual({ a: 1, b: 2 })
    expect(withCell(cells, 'a', null)).toEqual({})
    expect(cells).toEqual({ a: 1 })
  })
})
