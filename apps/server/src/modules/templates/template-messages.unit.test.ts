import { CHOICES, LOCALES } from '@thbm/shared'
import { resources } from '@thbm/shared/i18n'
import { describe, expect, it } from 'vitest'
import { CHOICE_WORDS, foldWord, NO_DATA_WORDS, TEMPLATE_LANGUAGES, templateMessages } from './template-messages.ts'

/** Every string of a messages object, by its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`))
  return Object.entries(value as object).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k))
}

describe('the template texts', () => {
  it('exist in every UI language', () => {
    expect([...TEMPLATE_LANGUAGES].sort()).toEqual([...LOCALES].sort())
  })

  it.each(LOCALES.filter((l) => l !== 'en'))('are translated into %s, with the same shape and placeholders', (lang) => {
    const ours = strings(templateMessages(lang))
    const english = strings(templateMessages('en'))
    expect(ours.map(([path]) => path)).toEqual(english.map(([path]) => path))
    for (const [i, [path, text]] of ours.entries()) {
      const source = english[i]?.[1] ?? ''
      expect(text.match(/\{\w+\}/g) ?? [], path).toEqual(source.match(/\{\w+\}/g) ?? [])
      expect(text.startsWith('# '), path).toBe(source.startsWith('# '))
    }
    // Not English under another name: most texts differ from the English ones.
    const same = ours.filter(([, text], i) => text === english[i]?.[1]).length
    expect(same / ours.length).toBeLessThan(0.2)
  })

  it('accept "no data" in every language', () => {
    for (const lang of LOCALES) expect(NO_DATA_WORDS.has(templateMessages(lang).noData.toLowerCase())).toBe(true)
  })

  it('understand yes, partially and no in every UI language, in any case, each word meaning one answer', () => {
    const words = new Map<string, string>()
    for (const lang of LOCALES) {
      const labels = (resources[lang].rounds as { entry: { choice: Record<string, string> } }).entry.choice
      for (const code of CHOICES.yes_partial_no) {
        const word = labels[code] as string
        for (const typed of [word, word.toUpperCase(), ` ${word.toLowerCase()} `, code.toUpperCase()])
          expect(CHOICE_WORDS.get(foldWord(typed)), `${lang} ${typed}`).toBe(code)
        expect(words.get(foldWord(word)) ?? code, `${lang} ${word}`).toBe(code)
        words.set(foldWord(word), code)
      }
    }
    expect(CHOICE_WORDS.get(foldWord('maybe'))).toBeUndefined()
  })
})
