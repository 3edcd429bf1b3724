import type { TranslationGap, TranslationItem } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { changedTexts, groupItems, missingIn, shownLocales, totalsByLocale } from './translation-state.ts'

const item = (key: string, areaCode: string | null, values: Record<string, string>[]): TranslationItem => ({
  key,
  kind: key === 'framework' ? 'framework' : key.startsWith('area:') ? 'area' : 'indicator',
  code: key === 'framework' ? null : (key.split(':')[1] ?? null),
  areaCode,
  version: 1,
  texts: values.map((v, i) => ({ address: `${key}:t${i}`, field: 'title', key: '', values: v })),
})

describe('translation editor state', () => {
  it('shows the languages of the URL, all of them when none is named', () => {
    const all = ['sr-Cyrl', 'sq', 'mk', 'bs', 'cnr'] as const
    expect(shownLocales(null, all)).toEqual([...all])
    expect(shownLocales('mk,sq,xx', all)).toEqual(['sq', 'mk'])
    expect(shownLocales('', all)).toEqual([])
  })

  it('sends only edits that differ from what is stored, blank meaning "remove"', () => {
    const it1 = item('indicator:A-1', 'A', [{ en: 'One', sq: 'Një' }, { en: 'Two' }])
    const drafts = {
      'indicator:A-1:t0': { sq: 'Një', mk: '  ' },
      'indicator:A-1:t1': { sq: 'Dy', mk: '' },
    }
    expect(changedTexts(it1, drafts)).toEqual([{ address: 'indicator:A-1:t1', locale: 'sq', text: 'Dy' }])
    expect(changedTexts(it1, { 'indicator:A-1:t0': { sq: ' ' } })).toEqual([
      { address: 'indicator:A-1:t0', locale: 'sq', text: '' },
    ])
  })

  it('counts missing texts per item and per language, ignoring texts without base text', () => {
    const it1 = item('indicator:A-1', 'A', [{ en: 'One', sq: 'Një' }, { en: 'Two' }, { sq: 'only' }])
    expect(missingIn(it1, 'sq', 'en')).toBe(1)
    expect(missingIn(it1, 'mk', 'en')).toBe(2)
    const gaps: TranslationGap[] = [
      { areaCode: null, locale: 'sq', total: 2, missing: 1 },
      { areaCode: 'A', locale: 'sq', total: 10, missing: 4 },
      { areaCode: 'A', locale: 'mk', total: 10, missing: 10 },
    ]
    expect(totalsByLocale(gaps, ['sq', 'mk'])).toEqual([
      { locale: 'sq', total: 12, missing: 5 },
      { locale: 'mk', total: 10, missing: 10 },
    ])
  })

  it('groups items by area, the framework first', () => {
    const items = [
      item('framework', null, []),
      item('area:A', 'A', []),
      item('area:B', 'B', []),
      item('indicator:A-1', 'A', []),
      item('indicator:B-1', 'B', []),
    ]
    expect(groupItems(items).map((g) => [g.areaCode, g.items.map((i) => i.key)])).toEqual([
      [null, ['framework']],
      ['A', ['area:A', 'indicator:A-1']],
      ['B', ['area:B', 'indicator:B-1']],
    ])
  })
})
