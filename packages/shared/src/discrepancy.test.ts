import { describe, expect, it } from 'vitest'
import type { AnswerStatus, AnswerValue } from './answers.ts'
import { detectDiscrepancy, type SourceAnswer } from './discrepancy.ts'
import type { Measurement } from './framework.ts'

const rubric = { measurement: { type: 'rubric', levels: [{}, {}, {}, {}, {}] } as Measurement }
const ypn = { measurement: { type: 'yes_partial_no', descriptors: { yes: {}, partial: {}, no: {} } } as Measurement }
const count = { measurement: { type: 'count' } as Measurement }
const percentage = { measurement: { type: 'percentage' } as Measurement }
const text = { measurement: { type: 'text' } as Measurement }

const empty: AnswerValue = { choice: null, number: null, numerator: null, denominator: null, text: null }
let n = 0
function answer(
  value: Partial<AnswerValue>,
  rest: { status?: AnswerStatus; noData?: boolean; cells?: SourceAnswer['cells'] } = {},
): SourceAnswer {
  return {
    id: `a${++n}`,
    status: rest.status ?? 'submitted',
    noData: rest.noData ?? false,
    value: { ...empty, ...value },
    cells: rest.cells ?? [],
  }
}
const victims = (identified: number, presumed: number) => [
  { key: 'victim_status=identified', value: identified },
  { key: 'victim_status=presumed', value: presumed },
]
const none = { kind: 'none', spread: null, answerIds: [] }

describe('discrepancy between sources', () => {
  it('finds levels that differ on a rubric or yes/partial/no, naming every answer with a level', () => {
    const a = answer({ choice: '3' })
    const b = answer({ choice: '1' }, { status: 'validated' })
    const c = answer({ choice: '3' })
    expect(detectDiscrepancy(rubric, [a, b, c], 0.1)).toEqual({
      kind: 'levels',
      spread: null,
      answerIds: [a.id, b.id, c.id],
    })
    expect(detectDiscrepancy(ypn, [answer({ choice: 'yes' }), answer({ choice: 'partial' })], 0.1).kind).toBe('levels')
  })

  it('finds nothing when the levels agree, or fewer than two sources gave one', () => {
    expect(detectDiscrepancy(rubric, [answer({ choice: '2' }), answer({ choice: '2' })], 0.1)).toEqual(none)
    expect(detectDiscrepancy(rubric, [answer({ choice: '2' })], 0.1)).toEqual(none)
    expect(detectDiscrepancy(rubric, [], 0.1)).toEqual(none)
    // A level-less answer (nothing chosen) is not a level that differs.
    expect(detectDiscrepancy(rubric, [answer({ choice: '2' }), answer({})], 0.1)).toEqual(none)
  })

  it('compares figures by (largest − smallest) / largest against the share, which must be exceeded', () => {
    const a = answer({ number: 100 })
    const b = answer({ number: 89 })
    expect(detectDiscrepancy(count, [a, b], 0.1)).toEqual({ kind: 'values', spread: 0.11, answerIds: [a.id, b.id] })
    // Exactly 10 % apart is within a 10 % share.
    expect(detectDiscrepancy(count, [answer({ number: 100 }), answer({ number: 90 })], 0.1)).toEqual(none)
    expect(detectDiscrepancy(count, [answer({ number: 100 }), answer({ number: 95 })], 0.1)).toEqual(none)
    // A wider share lets a larger gap through.
    expect(detectDiscrepancy(count, [a, b], 0.25)).toEqual(none)
    // Zero everywhere agrees; zero against a figure is a full spread.
    expect(detectDiscrepancy(count, [answer({ number: 0 }), answer({ number: 0 })], 0.1)).toEqual(none)
    expect(detectDiscrepancy(count, [answer({ number: 0 }), answer({ number: 4 })], 0.1)).toMatchObject({ spread: 1 })
  })

  it('compares identified and presumed victims separately, never their sum', () => {
    // Both total 40, but the split is reversed.
    const a = answer({}, { cells: victims(10, 30) })
    const b = answer({}, { cells: victims(30, 10) })
    expect(detectDiscrepancy(count, [a, b], 0.1)).toMatchObject({ kind: 'values', answerIds: [a.id, b.id] })
    // Identified agree; presumed 20 and 25 are 20 % apart, the worst of the two.
    const c = answer({}, { cells: victims(100, 20) })
    const d = answer({}, { cells: victims(95, 25) })
    expect(detectDiscrepancy(count, [c, d], 0.1)).toEqual({ kind: 'values', spread: 0.2, answerIds: [c.id, d.id] })
    // Within the share on both: none.
    expect(
      detectDiscrepancy(count, [answer({}, { cells: victims(100, 20) }), answer({}, { cells: victims(95, 20) })], 0.1),
    ).toEqual(none)
  })

  it('does not compare finer breakdowns (sex, age) of victims', () => {
    const a = answer({}, { cells: [...victims(10, 0), { key: 'sex=female;victim_status=identified', value: 10 }] })
    const b = answer({}, { cells: [...victims(10, 0), { key: 'sex=female;victim_status=identified', value: 2 }] })
    expect(detectDiscrepancy(count, [a, b], 0.1)).toEqual(none)
  })

  it('names only the answers that gave the differing figure', () => {
    const a = answer({}, { cells: victims(10, 20) })
    const b = answer({}, { cells: [{ key: 'victim_status=identified', value: 10 }] })
    const c = answer({}, { cells: victims(10, 40) })
    expect(detectDiscrepancy(count, [a, b, c], 0.1)).toEqual({ kind: 'values', spread: 0.5, answerIds: [a.id, c.id] })
  })

  it('compares percentages as shares', () => {
    // 30 / 100 = 0.30 and 40 / 100 = 0.40: (0.40 − 0.30) / 0.40 = 25 %.
    const found = detectDiscrepancy(
      percentage,
      [answer({ numerator: 30, denominator: 100 }), answer({ numerator: 4, denominator: 10 })],
      0.1,
    )
    expect(found.kind).toBe('values')
    expect(found.spread).toBeCloseTo(0.25)
    // 3 / 10 and 30 / 100 are the same share; a zero denominator gives no share.
    expect(
      detectDiscrepancy(
        percentage,
        [answer({ numerator: 3, denominator: 10 }), answer({ numerator: 30, denominator: 100 })],
        0.1,
      ),
    ).toEqual(none)
    expect(
      detectDiscrepancy(
        percentage,
        [answer({ numerator: 3, denominator: 10 }), answer({ numerator: 0, denominator: 0 })],
        0.1,
      ),
    ).toEqual(none)
  })

  it('ignores drafts, returned answers and "no data" answers', () => {
    const given = answer({ choice: '4' })
    for (const other of [
      answer({ choice: '0' }, { status: 'draft' }),
      answer({ choice: '0' }, { status: 'returned' }),
      answer({ choice: '0' }, { noData: true }),
    ])
      expect(detectDiscrepancy(rubric, [given, other], 0.1)).toEqual(none)
    expect(
      detectDiscrepancy(count, [answer({ number: 100 }), answer({ number: 1 }, { status: 'draft' })], 0.1),
    ).toEqual(none)
    expect(detectDiscrepancy(count, [answer({ number: 100 }), answer({ number: 1 }, { noData: true })], 0.1)).toEqual(
      none,
    )
  })

  it('never finds a discrepancy between texts', () => {
    expect(detectDiscrepancy(text, [answer({ text: 'Yes' }), answer({ text: 'No' })], 0)).toEqual(none)
  })
})
