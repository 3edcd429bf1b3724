import {
  CONTENT_LOCALES,
  type FrameworkDoc,
  INDICATOR_KINDS,
  LEGAL_INSTRUMENTS,
  LINEAGE_TYPES,
  ORGANISATION_TYPES,
  parseFrameworkJson,
  STANDARD_DIMENSION_CODES,
  TOPICS,
} from '@thbm/shared'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { serializeFrameworkDoc } from './serialize.ts'
import { readFrameworkXlsx, writeFrameworkXlsx } from './xlsx/index.ts'

/** Strings people (and hostile files) put in texts: scripts, emoji, quotes, formulas, markup, escapes, controls. */
const FRAGMENTS = [
  'Ћирилица ђ љ њ џ Ђ',
  'ë ç Ë Ç shqip',
  'македонски ѓ ќ ѕ',
  '😀 🇦🇱 👩‍👩‍👧',
  '"quoted" \'single\' „low“',
  '=SUM(A1)',
  '=1+1',
  '+cmd|',
  '<script>alert(1)</script>',
  '<b>bold</b> &amp; &lt;',
  '_x0041_',
  '_x000D_',
  ' leading',
  'trailing ',
  'line\nbreak',
  'crlf\r\nline',
  'tab\there',
  '\u0001\u007f\uFFFE',
  '\uD800 lone',
  'a, b, c',
  '[1, 2]',
  '123',
  '0.5',
  'TRUE',
]
const piece = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
)
const textString = fc.array(piece, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''))
const localizedText = fc.record(Object.fromEntries(CONTENT_LOCALES.map((locale) => [locale, textString])), {
  requiredKeys: [],
})
/** Finite numbers without -0, which JSON cannot keep apart from 0. */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n))
const percent = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.double({ min: 0, max: 100, noNaN: true }).map((n) => (n === 0 ? 0 : n)),
)
const bands = fc.array(fc.record({ from: finite, to: finite, score: percent }), { maxLength: 3 })
const lowerCode = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/)

const measurement = fc.oneof(
  fc.record({
    type: fc.constant('yes_partial_no'),
    descriptors: fc.record({ yes: localizedText, partial: localizedText, no: localizedText }),
  }),
  fc.record({ type: fc.constant('rubric'), levels: fc.array(localizedText, { minLength: 5, maxLength: 5 }) }),
  fc.record({ type: fc.constant('count'), unit: localizedText, targetBands: bands }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('amount'), currency: fc.stringMatching(/^[A-Z]{3}$/) }),
  fc.record(
    {
      type: fc.constant('percentage'),
      numeratorLabel: localizedText,
      denominatorLabel: localizedText,
      targetBands: bands,
    },
    { requiredKeys: ['type'] },
  ),
  fc.constant({ type: 'text' }),
)

const customDimension = fc.record({
  code: lowerCode,
  label: localizedText,
  categories: fc.uniqueArray(fc.record({ code: lowerCode, label: localizedText }), {
    selector: (c) => c.code,
    minLength: 2,
    maxLength: 4,
  }),
})

const legalReference = fc.record(
  {
    instrument: fc.constantFrom(...LEGAL_INSTRUMENTS),
    article: fc.oneof(fc.constantFrom('10(2)', '4', ''), textString),
    title: textString,
  },
  { requiredKeys: ['instrument', 'article'] },
)

const lineage = fc.oneof(
  fc.constant({ type: 'new', from: [] }),
  fc.record({
    type: fc.constantFrom(...LINEAGE_TYPES.filter((t) => t !== 'new')),
    from: fc.array(
      fc.oneof(fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,2}$/), fc.constantFrom('A,1', ' spaced ', '', '[x]'), textString),
      { maxLength: 3 },
    ),
  }),
)

const indicator = (areaCodes: string[]) =>
  fc.record(
    {
      area: fc.constantFrom(...areaCodes),
      suffix: fc.constantFrom('', 'a', 'z'),
      title: localizedText,
      definition: localizedText,
      guidance: localizedText,
      kind: fc.constantFrom(...INDICATOR_KINDS),
      measurement,
      unit: localizedText,
      disaggregations: fc.subarray([...STANDARD_DIMENSION_CODES]),
      customDimensions: fc.uniqueArray(customDimension, { selector: (d) => d.code, maxLength: 2 }),
      legalReferences: fc.array(legalReference, { maxLength: 3 }),
      sources: fc.subarray([...ORGANISATION_TYPES]),
      topics: fc.subarray([...TOPICS]),
      core: fc.boolean(),
      frameworkIndicator: fc.boolean(),
      redFlag: fc.boolean(),
      weight: percent,
      lineage,
    },
    { requiredKeys: ['area', 'suffix', 'title', 'definition', 'guidance', 'kind', 'measurement', 'disaggregations'] },
  )

/** Raw documents, then normalized by parseFrameworkJson as every stored or imported document is. */
const frameworkDoc: fc.Arbitrary<FrameworkDoc> = fc
  .uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9]{1,5}$/), { minLength: 1, maxLength: 4 })
  .chain((areaCodes) =>
    fc.record({
      framework: fc.record({
        code: fc.stringMatching(/^[A-Z][A-Z0-9_-]{1,10}$/),
        name: localizedText,
        baseLocale: fc.constantFrom(...CONTENT_LOCALES),
      }),
      version: fc.record({
        label: fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z._-]{0,10}$/),
        basedOn: fc.option(fc.oneof(fc.constantFrom('2025.1', ''), textString), { nil: null }),
        notes: localizedText,
      }),
      areas: fc.tuple(
        ...areaCodes.map((code) =>
          fc.record({ title: localizedText, description: localizedText }).map((a) => ({ code, ...a })),
        ),
      ),
      indicators: fc.array(indicator(areaCodes), { maxLength: 12 }),
    }),
  )
  .map(({ indicators, ...rest }) => {
    const raw = {
      schema: 'thbm.framework',
      schemaVersion: 1,
      ...rest,
      indicators: indicators.map(({ suffix, ...ind }, i) => ({
        code: `${ind.area}-${i + 1}${suffix}`,
        customDimensions: [],
        legalReferences: [],
        sources: [],
        topics: [],
        core: false,
        frameworkIndicator: false,
        redFlag: false,
        weight: 0,
        lineage: { type: 'new', from: [] },
        ...ind,
      })),
    }
    const parsed = parseFrameworkJson(raw)
    if (parsed.doc === null) throw new Error(`the arbitrary made an invalid document: ${JSON.stringify(parsed.issues)}`)
    return parsed.doc
  })

describe('framework documents round-trip', () => {
  it('JSON: export, import and export again give the same document and the same bytes', () => {
    fc.assert(
      fc.property(frameworkDoc, (doc) => {
        const text = serializeFrameworkDoc(doc)
        const again = parseFrameworkJson(JSON.parse(text))
        expect(again.issues).toEqual([])
        expect(again.doc).toStrictEqual(doc)
        expect(serializeFrameworkDoc(again.doc as FrameworkDoc)).toBe(text)
      }),
      { numRuns: 100 },
    )
  }, 120_000)

  it('XLSX: a written workbook reads back as the same document', async () => {
    await fc.assert(
      fc.asyncProperty(frameworkDoc, async (doc) => {
        const read = await readFrameworkXlsx(await writeFrameworkXlsx(doc))
        expect(read).toStrictEqual(doc)
        expect(serializeFrameworkDoc(read)).toBe(serializeFrameworkDoc(doc))
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})
