import { describe, expect, it } from 'vitest'
import { localized, portalLocale, switchLocalePath, userText } from './portal-data.ts'

describe('portal helpers', () => {
  it('picks a published text in the UI locale, Serbian Latin from Cyrillic, else English with its own lang', () => {
    const text = { en: 'Serbia', 'sr-Cyrl': 'Србија' }
    expect(localized(text, 'sr-Cyrl')).toEqual({ text: 'Србија', lang: 'sr-Cyrl' })
    expect(localized(text, 'sr-Latn')).toEqual({ text: 'Srbija', lang: 'sr-Latn' })
    expect(localized({ en: 'Prevention' }, 'sr-Cyrl')).toEqual({ text: 'Prevention', lang: 'en' })
  })

  it('shows text people wrote in Serbian Cyrillic in Latin script for Serbian Latin only', () => {
    expect(userText('Исправљен број жртава.', 'sr-Latn')).toBe('Ispravljen broj žrtava.')
    expect(userText('Ispravljen broj žrtava.', 'sr-Latn')).toBe('Ispravljen broj žrtava.')
    expect(userText('Исправљен број жртава.', 'sr-Cyrl')).toBe('Исправљен број жртава.')
    expect(userText('Corrected the figures.', 'en')).toBe('Corrected the figures.')
  })

  it('reads the locale of the address and swaps it, keeping the page', () => {
    expect(portalLocale('sr-Latn')).toBe('sr-Latn')
    expect(portalLocale('de')).toBe('en')
    expect(switchLocalePath('/public/en/rounds/r1', 'sr-Cyrl')).toBe('/public/sr-Cyrl/rounds/r1')
    expect(switchLocalePath('/public/xx', 'en')).toBe('/public/en')
  })
})
