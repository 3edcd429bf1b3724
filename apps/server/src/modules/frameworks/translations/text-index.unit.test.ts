import fs from 'node:fs'
import { isLocalizedText, type LocalizedText } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { frameworkDoc, indicator } from '../../../../test/framework-fixture.ts'
import { DEFAULT_HANDBOOK_FILE } from '../../../seed/handbook.ts'
import { readFrameworkJson } from '../read-upload.ts'
import { buildSheetRows } from '../xlsx/sheet-rows.ts'
import { indexTexts } from './text-index.ts'

const handbook = () => readFrameworkJson(fs.readFileSync(DEFAULT_HANDBOOK_FILE))

/** Every localized text object of a value, found by shape alone (no knowledge of the address scheme). */
function allTexts(value: unknown, out: LocalizedText[] = []): LocalizedText[] {
  if (isLocalizedText(value)) out.push(value)
  else if (Array.isArray(value)) for (const v of value) allTexts(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) allTexts(v, out)
  return out
}

describe('the text index', () => {
  it('gives every text of the default Handbook exactly one address', () => {
    const doc = handbook()
    const index = indexTexts(doc)
    const indexed = new Set([...index.values()].map((e) => e.text))
    const texts = allTexts(doc)
    expect(texts.length).toBeGreaterThan(500)
    expect(texts.filter((t) => !indexed.has(t))).toEqual([])
    expect(indexed.size).toBe(index.size)
  })

  it('uses the addresses of the framework workbook, in the same order', () => {
    const doc = handbook()
    const sheet = buildSheetRows(doc).translations.map((row) => row.address)
    expect([...indexTexts(doc).keys()]).toEqual(sheet)
  })

  it('names items, fields and keys of every kind of text', () => {
    const doc = frameworkDoc()
    doc.indicators.push(
      indicator('AST-3', {
        measurement: { type: 'percentage', numeratorLabel: { en: 'Helped' }, denominatorLabel: { en: 'All' } },
        unit: { en: 'persons' },
        customDimensions: [
          {
            code: 'place',
            label: { en: 'Place' },
            categories: [
              { code: 'city', label: { en: 'City' } },
              { code: 'village', label: { en: 'Village' } },
            ],
          },
        ],
      }),
    )
    const index = indexTexts(doc)
    const pick = (address: string) => {
      const e = index.get(address)
      return e && { item: e.itemKey, field: e.field, key: e.key, en: e.text.en }
    }
    expect(pick('framework:name')).toEqual({ item: 'framework', field: 'name', key: '', en: 'Test framework' })
    expect(pick('version:notes')).toEqual({ item: 'framework', field: 'notes', key: '', en: 'First version' })
    expect(pick('area:IDN:description')?.item).toBe('area:IDN')
    expect(pick('indicator:IDN-1:level:4')).toEqual({ item: 'indicator:IDN-1', field: 'level', key: '4', en: 'Fully' })
    expect(pick('indicator:IDN-3:level:unit')?.en).toBe('victims')
    expect(pick('indicator:AST-2:level:partial')?.en).toBe('Partly')
    expect(pick('indicator:AST-3:unit')).toEqual({ item: 'indicator:AST-3', field: 'unit', key: '', en: 'persons' })
    expect(pick('indicator:AST-3:level:denominator')?.en).toBe('All')
    expect(pick('indicator:AST-3:dimension:place')?.key).toBe('place')
    expect(pick('indicator:AST-3:dimension:place:category:village')).toEqual({
      item: 'indicator:AST-3',
      field: 'category',
      key: 'place:village',
      en: 'Village',
    })
    expect(index.has('indicator:IDN-1:unit')).toBe(false)
  })

  it('hands out the texts of the document itself, so changing one changes the document', () => {
    const doc = frameworkDoc()
    const entry = indexTexts(doc).get('indicator:IDN-2:level:1')
    if (!entry) throw new Error('no entry')
    entry.text.sq = 'Në letër'
    const m = doc.indicators[1]?.measurement
    expect(m?.type === 'rubric' && m.levels[1]).toEqual({ en: 'On paper', sq: 'Në letër' })
  })
})
