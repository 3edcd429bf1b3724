import { flattenCatalog, NAMESPACES, resources } from '@thbm/shared/i18n'
import { cyrillicToLatin } from '@thbm/shared/translit'
import { describe, expect, it } from 'vitest'
import { createI18n, localeFromTag } from './i18n.ts'

describe('Serbian Latin catalogs', () => {
  it('equal the transliterated Serbian Cyrillic catalogs, key by key', () => {
    for (const ns of NAMESPACES) {
      const cyrillic = flattenCatalog(resources['sr-Cyrl'][ns])
      const latin = flattenCatalog(resources['sr-Latn'][ns])
      expect(Object.keys(latin)).toEqual(Object.keys(cyrillic))
      for (const [key, message] of Object.entries(cyrillic)) expect(latin[key]).toBe(cyrillicToLatin(message))
    }
  })

  it('keep ICU syntax working: plurals format in every locale', async () => {
    const i18n = await createI18n('sr-Latn')
    expect(i18n.t('people:list.count', { count: 3 })).toBe('3 korisnika')
    expect(i18n.t('people:list.count', { count: 1 })).toBe('1 korisnik')
    await i18n.changeLanguage('sr-Cyrl')
    expect(i18n.t('people:list.count', { count: 21 })).toBe('21 корисник')
    await i18n.changeLanguage('en')
    expect(i18n.t('people:list.count', { count: 2 })).toBe('2 people')
    expect(document.documentElement.lang).toBe('en')
  })
})

describe('localeFromTag', () => {
  it('maps browser languages to UI locales', () => {
    expect(localeFromTag('sr-RS')).toBe('sr-Cyrl')
    expect(localeFromTag('sr-Latn-RS')).toBe('sr-Latn')
    expect(localeFromTag('en-GB')).toBe('en')
    expect(localeFromTag('de-DE')).toBeNull()
  })
})
