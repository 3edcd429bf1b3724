import { describe, expect, it } from 'vitest'
import { editLocales, isDerivedLocale, setLocaleText } from './localized.ts'

describe('localized texts', () => {
  it('edits the base language, plus the UI language when it differs', () => {
    expect(editLocales('en', 'en')).toEqual(['en'])
    expect(editLocales('en', 'sr-Cyrl')).toEqual(['en', 'sr-Cyrl'])
    expect(editLocales('sr-Cyrl', 'en')).toEqual(['sr-Cyrl', 'en'])
    expect(editLocales('en', 'de')).toEqual(['en'])
  })

  it('sets one language and keeps every other translation (a blank value removes only that one)', () => {
    const text = { en: 'Title', sq: 'Titulli', mk: 'Наслов' }
    expect(setLocaleText(text, 'sr-Cyrl', 'Наслов')).toEqual({ ...text, 'sr-Cyrl': 'Наслов' })
    expect(setLocaleText(text, 'sq', '  ')).toEqual({ en: 'Title', mk: 'Наслов' })
    expect(text).toEqual({ en: 'Title', sq: 'Titulli', mk: 'Наслов' })
  })

  it('treats Serbian Latin as generated when Serbian Cyrillic exists', () => {
    expect(isDerivedLocale({ 'sr-Cyrl': 'Наслов' }, 'sr-Latn')).toBe(true)
    expect(isDerivedLocale({ 'sr-Latn': 'Naslov' }, 'sr-Latn')).toBe(false)
    expect(isDerivedLocale({ 'sr-Cyrl': 'Наслов' }, 'sr-Cyrl')).toBe(false)
  })
})
