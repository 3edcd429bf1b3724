import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TRANSLATABLE_LOCALES } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { readFrameworkJson } from '../modules/frameworks/read-upload.ts'
import { indexTexts } from '../modules/frameworks/translations/text-index.ts'
import {
  DEFAULT_HANDBOOK_FILE,
  defaultHandbookDoc,
  HANDBOOK_TRANSLATIONS_DIR,
  readHandbookTranslations,
} from './handbook.ts'

const original = readFrameworkJson(fs.readFileSync(DEFAULT_HANDBOOK_FILE))
const base = original.framework.baseLocale
const index = indexTexts(original)
const files = readHandbookTranslations(base)
/** The addresses of texts that have base-language text: each needs a translation in every language. */
const needed = [...index.values()].filter((e) => e.text[base]?.trim()).map((e) => e.address)

describe('the default Handbook translations (seed-data/handbook-translations/<locale>.json)', () => {
  it('are delivered for every language the Handbook is translated into', () => {
    const expected = TRANSLATABLE_LOCALES.filter((l) => l !== base)
    expect(expected).toEqual(['sr-Cyrl', 'sq', 'mk', 'bs', 'cnr'])
    const missing = expected.filter((l) => !fs.existsSync(path.join(HANDBOOK_TRANSLATIONS_DIR, `${l}.json`)))
    expect(missing, 'translation files missing').toEqual([])
  })

  for (const [locale, texts] of files) {
    describe(locale, () => {
      it('names only texts of the default Handbook, each with a non-empty text', () => {
        expect(Object.keys(texts).filter((address) => !index.has(address))).toEqual([])
        const empty = Object.entries(texts).filter(([, text]) => typeof text !== 'string' || !text.trim())
        expect(empty.map(([address]) => address)).toEqual([])
      })

      it('translates every text of the default Handbook', () => {
        expect(needed.filter((address) => !texts[address])).toEqual([])
      })
    })
  }

  it('are put into the seeded Handbook by address, Serbian Latin made from Serbian Cyrillic', () => {
    const doc = defaultHandbookDoc()
    const seeded = indexTexts(doc)
    for (const [locale, texts] of files) {
      for (const [address, text] of Object.entries(texts)) expect(seeded.get(address)?.text[locale]).toBe(text)
    }
    const cyrillic = files.get('sr-Cyrl')
    if (cyrillic) for (const address of Object.keys(cyrillic)) expect(seeded.get(address)?.text['sr-Latn']).toBeTruthy()
    // The base text never changes.
    for (const address of needed) expect(seeded.get(address)?.text[base]).toBe(index.get(address)?.text[base])
  })

  it('skips a language without a file and an address the Handbook does not have', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thbm-hb-'))
    fs.writeFileSync(
      path.join(dir, 'sq.json'),
      JSON.stringify({ 'indicator:COR-1:title': 'Strategjia kombëtare', 'indicator:NOPE-1:title': 'x' }),
    )
    const seeded = indexTexts(defaultHandbookDoc(dir))
    expect(seeded.get('indicator:COR-1:title')?.text).toEqual({
      en: 'National strategy and action plan in force',
      sq: 'Strategjia kombëtare',
    })
    expect(seeded.has('indicator:NOPE-1:title')).toBe(false)
  })
})
