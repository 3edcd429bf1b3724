import { describe, expect, it } from 'vitest'
import { checkAnswer } from './answer-checks.ts'
import { SaveAnswerBodySchema } from './answers.ts'
import type { IndicatorDoc } from './framework.ts'
import { detectPersonalData } from './personal-data.ts'

type Ind = Pick<IndicatorDoc, 'measurement' | 'disaggregations' | 'customDimensions'>
const count: Ind = { measurement: { type: 'count' }, disaggregations: ['sex'], customDimensions: [] }
const victims: Ind = { measurement: { type: 'count' }, disaggregations: ['victim_status', 'sex'], customDimensions: [] }
const body = (b: object) => SaveAnswerBodySchema.parse({ version: 0, ...b })
const codes = (ind: Ind, b: object, complete = false, previous: number | null = null) =>
  checkAnswer(ind, body(b), { complete, previous, changeThreshold: 0.5 }).map(
    (c) => `${c.severity}:${c.path}:${c.code}`,
  )

describe('answer checks', () => {
  it('refuses negative counts, fractions, percentages over 100 and unknown levels', () => {
    expect(codes(count, { value: { number: -1 } })).toContain('error:value.number:number.negative')
    expect(codes(count, { value: { number: 2.5 } })).toContain('error:value.number:number.whole')
    const pct: Ind = { measurement: { type: 'percentage' }, disaggregations: [], customDimensions: [] }
    expect(codes(pct, { value: { numerator: 120, denominator: 100 } })).toEqual([
      'error:value.numerator:percentage.over100',
    ])
    const rubric: Ind = {
      measurement: { type: 'rubric', levels: [{}, {}, {}, {}, {}] },
      disaggregations: [],
      customDimensions: [],
    }
    expect(codes(rubric, { value: { choice: '5' } })).toEqual(['error:value.choice:choice.invalid'])
    expect(codes(rubric, {}, true)).toEqual(['error:value.choice:required'])
  })

  it('flags parts that do not add up where they are, and asks for an explanation on submission', () => {
    const b = {
      value: { number: 10 },
      cells: [
        { key: 'sex=female', value: 6 },
        { key: 'sex=male', value: 3 },
        { key: 'sex=other_unknown', value: 0 },
      ],
    }
    expect(codes(count, b)).toEqual(['warning:value.number:parts.mismatch'])
    expect(codes(count, b, true)).toContain('error:partsExplanation:required')
    expect(codes(count, { ...b, partsExplanation: 'One record lacks sex' }, true)).toEqual([
      'warning:value.number:parts.mismatch',
    ])
    expect(codes(count, { value: { number: 4 }, cells: [{ key: 'sex=female', value: 6 }] })).toEqual([
      'warning:value.number:parts.mismatch',
    ])
    expect(codes(count, { value: { number: 9 }, cells: [{ key: 'sex=female', value: 6 }] })).toEqual([])
  })

  it('keeps identified and presumed victims apart and checks each status on its own', () => {
    expect(codes(victims, { value: { number: 5 } })).toContain('error:value.number:status.mixed')
    const cells = [
      { key: 'victim_status=identified', value: 5 },
      { key: 'sex=female;victim_status=identified', value: 3 },
      { key: 'sex=male;victim_status=identified', value: 3 },
      { key: 'victim_status=presumed', value: 9 },
    ]
    expect(codes(victims, { cells })).toEqual(['warning:cells[victim_status=identified]:parts.mismatch'])
  })

  it('refuses categories the indicator does not have', () => {
    expect(codes(count, { cells: [{ key: 'sex=robot', value: 1 }] })).toEqual(['error:cells[0].key:cell.unknown'])
    expect(codes(count, { cells: [{ key: 'age_group=age_0_13', value: 1 }] })).toEqual([
      'error:cells[0].key:cell.unknown',
    ])
  })

  it('asks for a comment on a large change from the previous round', () => {
    expect(codes(count, { value: { number: 30 } }, false, 10)).toEqual(['warning:value:change.large'])
    expect(codes(count, { value: { number: 30 } }, true, 10)).toContain('error:changeComment:required')
    expect(codes(count, { value: { number: 12 } }, true, 10)).toEqual([])
  })

  it('wants a figure on submission, but not in a draft', () => {
    expect(codes(count, {}, true)).toEqual(['error:value.number:required'])
    expect(codes(count, {})).toEqual([])
    expect(codes(count, { value: { number: 0 } }, true)).toEqual([])
    expect(codes(victims, {}, true)).toEqual(['error:cells:required'])
    expect(codes(victims, { cells: [{ key: 'victim_status=presumed', value: 4 }] }, true)).toEqual([])
    expect(codes(count, { noData: true, noDataReason: 'Not collected' }, true)).toEqual([])
  })

  it('asks why data is not available', () => {
    expect(codes(count, { noData: true }, true)).toEqual(['error:noDataReason:required'])
  })
})

describe('personal data guard', () => {
  it('warns on ID and passport numbers, phone numbers and a name with a date', () => {
    expect(detectPersonalData('JMBG 0101990710001 of the girl')).toEqual(['national_id'])
    expect(detectPersonalData('passport no. 0123456')).toContain('passport')
    expect(detectPersonalData('call +381 64 123 4567')).toEqual(['phone'])
    expect(detectPersonalData('Marija Petrović, 12.03.2007, was referred')).toContain('name_and_date')
    expect(detectPersonalData('Ана Јовановић рођен 1.2.2008')).toContain('name_and_date')
  })

  it('stays quiet on aggregate text', () => {
    expect(
      detectPersonalData('In 2025, 37 victims were identified, 12 of them children; see the report of 12.03.2025.'),
    ).toEqual([])
    expect(detectPersonalData(null)).toEqual([])
  })
})
