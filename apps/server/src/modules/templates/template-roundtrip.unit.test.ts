import { LOCALES, type SaveAnswerBody, SaveAnswerBodySchema } from '@thbm/shared'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { indicator } from '../../../test/framework-fixture.ts'
import { readTemplate } from './read-template.ts'
import { applyRows } from './template-fields.ts'
import { answerKey, fieldsOf, type TemplateAnswer, type TemplateModel } from './template-rows.ts'
import { baselineOf } from './template-signature.ts'
import { writeTemplate } from './write-template.ts'

const t = (en: string) => ({ en, 'sr-Cyrl': `${en} (ћир)` })
const INDICATORS = [
  indicator('IDN-1'),
  indicator('IDN-2', {
    measurement: { type: 'yes_partial_no', descriptors: { yes: t('Y'), partial: t('P'), no: t('N') } },
  }),
  indicator('IDN-3', { measurement: { type: 'count', unit: t('persons') }, disaggregations: ['sex', 'victim_status'] }),
  indicator('IDN-4', { measurement: { type: 'count' }, disaggregations: ['age_group'] }),
  indicator('AST-1', {
    measurement: { type: 'percentage', numeratorLabel: t('Done'), denominatorLabel: t('Due') },
    customDimensions: [
      {
        code: 'kind',
        label: t('Kind'),
        categories: [
          { code: 'a', label: t('A') },
          { code: 'b', label: t('B') },
        ],
      },
    ],
  }),
  indicator('AST-2', { measurement: { type: 'amount', currency: 'EUR' } }),
  indicator('AST-3', { measurement: { type: 'text' } }),
]
const ORGS = [
  { id: '01900000-0000-7000-8000-000000000001', name: 'Ћирилица NGO' },
  { id: '01900000-0000-7000-8000-000000000002', name: 'Police & "Co"' },
]

/** Texts people type: scripts, emoji, formulas, escapes, line breaks (trimmed: the template compares trimmed text). */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Ћирилица ђ љ',
        '😀 👩‍👩‍👧',
        '=SUM(A1)',
        '_x0041_',
        'line\nbreak',
        'tab\there',
        '\u0001x',
        '12',
        'a, b',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) => parts.join('').trim())
  .filter((s) => s !== '')
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })
const amount = fc.double({ min: 0, max: 1e9, noNaN: true }).map((n) => (n === 0 ? 0 : n))

/** A random answer body for an indicator, with cells from the offered ones and, sometimes, one the template adds. */
function bodyOf(code: string): fc.Arbitrary<SaveAnswerBody> {
  const ind = INDICATORS.find((i) => i.code === code) as (typeof INDICATORS)[number]
  const keys = fieldsOf(ind, ['age_group=unknown;sex=female'])
    .filter((k) => k.startsWith('cell:'))
    .map((k) => k.slice(5))
  const type = ind.measurement.type
  const choice = type === 'rubric' ? fc.constantFrom('0', '1', '2', '3', '4') : fc.constantFrom('yes', 'partial', 'no')
  return fc
    .record({
      noData: fc.boolean(),
      noDataReason: maybe(text),
      narrative: maybe(text),
      partsExplanation: ind.disaggregations.length + ind.customDimensions.length ? maybe(text) : fc.constant(null),
      changeComment: ['count', 'amount', 'percentage'].includes(type) ? maybe(text) : fc.constant(null),
      choice: type === 'rubric' || type === 'yes_partial_no' ? maybe(choice) : fc.constant(null),
      number:
        type === 'count' && code !== 'IDN-3'
          ? maybe(fc.nat(100_000))
          : type === 'amount'
            ? maybe(amount)
            : fc.constant(null),
      numerator: type === 'percentage' ? maybe(amount) : fc.constant(null),
      denominator: type === 'percentage' ? maybe(amount) : fc.constant(null),
      text: type === 'text' ? maybe(text) : fc.constant(null),
      cells: fc
        .subarray(keys)
        .chain((ks) => fc.tuple(...ks.map((k) => fc.record({ key: fc.constant(k), value: fc.nat(5000) })))),
    })
    .map(({ choice, number, numerator, denominator, text: value, cells, ...rest }) =>
      SaveAnswerBodySchema.parse({
        version: 3,
        ...rest,
        value: { choice, number, numerator, denominator, text: value },
        cells,
      }),
    )
}

const answers = fc.tuple(
  ...ORGS.flatMap((o) =>
    INDICATORS.map((i) => maybe(bodyOf(i.code)).map((b) => [answerKey(o.id, i.code), b] as const)),
  ),
)

function modelOf(entries: (readonly [string, SaveAnswerBody | null])[]): TemplateModel {
  const map = new Map<string, TemplateAnswer>()
  for (const [key, body] of entries) if (body) map.set(key, { version: body.version, status: 'draft', body })
  return {
    roundId: '01900000-0000-7000-8000-0000000000aa',
    roundName: 'Round 2026',
    countryCode: 'RS',
    frameworkVersionId: '01900000-0000-7000-8000-0000000000bb',
    baseLocale: 'en',
    organisations: ORGS,
    indicators: INDICATORS,
    pairs: ORGS.flatMap((o) => INDICATORS.map((i) => ({ organisationId: o.id, code: i.code }))),
    answers: map,
  }
}

const canonical = (b: SaveAnswerBody) => ({ ...b, cells: [...b.cells].sort((x, y) => x.key.localeCompare(y.key)) })

describe('a template read back without edits', () => {
  it('changes nothing: every row matches its baseline, and its rows rebuild each answer exactly', async () => {
    await fc.assert(
      fc.asyncProperty(answers, fc.constantFrom(...LOCALES), async (entries, lang) => {
        const model = modelOf(entries)
        const { signature, rows } = await readTemplate(await writeTemplate(model, lang))
        expect(signature).toMatchObject({ roundId: model.roundId, country: 'RS', language: lang })
        expect(rows.filter((r) => baselineOf(r.text) !== r.baseline)).toEqual([])
        for (const [key, answer] of model.answers) {
          const own = rows.filter((r) => answerKey(r.organisationId, r.code) === key)
          expect(own.every((r) => r.version === answer.version)).toBe(true)
          const empty = SaveAnswerBodySchema.parse({ version: answer.version })
          const rebuilt = applyRows(empty, own)
          expect(rebuilt.issues).toEqual([])
          expect(canonical(rebuilt.body)).toEqual(canonical(answer.body as SaveAnswerBody))
        }
      }),
      { numRuns: 15 },
    )
  }, 60_000)
})
